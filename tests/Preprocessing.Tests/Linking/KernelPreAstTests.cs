using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Linking;

public class KernelPreAstTests
{
    [Theory]
    [MemberData(nameof(KernelPreAsts.Trees), MemberType = typeof(KernelPreAsts))]
    public void Every_reachable_file_parses_without_errors(string kernel, bool rt)
    {
        var result = KernelPreAsts.Get(kernel, rt);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(KernelPreAsts.Trees), MemberType = typeof(KernelPreAsts))]
    public void Every_file_prints_back_its_exact_text(string kernel, bool rt)
    {
        var preAst = KernelPreAsts.Get(kernel, rt).PreAst;
        var trees = KernelPreAsts.TreeDirs(kernel, rt);
        Assert.Equal(File.ReadAllText(KernelPreAsts.ModulePath), preAst.Main.Root.ToFullString());
        Assert.Equal(File.ReadAllText(KernelPreAsts.BoundsPath), preAst.Files[preAst.Sources["bounds.c"]].Root.ToFullString());
        foreach (var file in preAst.Files.Where(f => !preAst.Sources.ContainsValue(f.Id)))
        {
            var physical = trees.Select(t => Path.Combine(t, file.Path)).First(File.Exists);
            Assert.True(File.ReadAllText(physical) == file.Root.ToFullString(), $"{file.Path} does not print back exactly");
        }
    }

    [Theory]
    [MemberData(nameof(KernelPreAsts.Trees), MemberType = typeof(KernelPreAsts))]
    public void Holds_several_hundred_files_and_no_config_dependent_header(string kernel, bool rt)
    {
        var preAst = KernelPreAsts.Get(kernel, rt).PreAst;
        Assert.InRange(preAst.Files.Length, 800, 3000);
        Assert.Equal(3, preAst.ForcedIncludes.Length);
        Assert.DoesNotContain(preAst.Files, f => PreAst.PreAst.GeneratedHeaders.Contains(f.Path));
        var generated = preAst.Files.SelectMany(f => f.Includes).Select(l => l.Generated).OfType<string>().ToHashSet();
        Assert.Contains("include/generated/autoconf.h", generated);
        Assert.Contains("include/generated/bounds.h", generated);
        Assert.Contains("include/generated/timeconst.h", generated);
        // Non-config generated headers are kept.
        Assert.Contains(preAst.Files, f => f.Path == "include/generated/uapi/linux/version.h");
        Assert.Contains(preAst.Files, f => f.Path == "arch/x86/include/generated/uapi/asm/unistd_64.h");
        Assert.StartsWith(kernel.Split('+')[0], preAst.Metadata.KernelRelease);
    }

    [Fact]
    public void Missing_includes_are_recorded_with_where_they_were_asked_for()
    {
        var preAst = KernelPreAsts.Get("6.1.0-56", false).PreAst;
        // <linux/filelock.h> appeared in 6.9: module.c asks for it under a version guard.
        var missing = Assert.Single(preAst.Missing, m => m.Spelled == "<linux/filelock.h>");
        Assert.Equal("module.c", missing.From);
        Assert.True(missing.Line > 0);
        var link = preAst.Main.Includes.Single(l => l.Spelled == "<linux/filelock.h>");
        Assert.True(link.IsMissing);
    }

    /// <summary>
    /// The oracle for the closure: every header gcc reads when kbuild compiles
    /// module.c under the amd64 config (gcc -H) is in the Pre-AST, or is a
    /// config-dependent header the Pre-AST leaves to profile time.
    /// </summary>
    [Theory]
    [InlineData("6.1.0-56")]
    [InlineData("6.12.117+deb12")]
    public void Holds_every_header_gcc_reads_for_the_amd64_config(string kernel)
    {
        var outdir = Directory.CreateTempSubdirectory("layoutexpert-kbuild-").FullName;
        var scripts = Path.Combine(RepoPaths.Root, "scripts");
        Gcc.Run("bash", [Path.Combine(scripts, "build-module.sh"), kernel, "amd64", outdir]);
        var headers = RunCollectingStderr("bash", [Path.Combine(scripts, "kbuild-preprocess.sh"), kernel, "amd64", outdir, "-o", "/dev/null", "-H"])
            .Split('\n')
            .Where(l => l.StartsWith('.') && l.Contains(' '))
            .Select(l => Path.GetFullPath(l[(l.IndexOf(' ') + 1)..].Trim(), KernelCache.FlavourTree(kernel, "amd64")))
            .ToHashSet();
        Assert.InRange(headers.Count, 500, 5000);
        var preAst = KernelPreAsts.Get(kernel, false).PreAst;
        var trees = KernelPreAsts.TreeDirs(kernel, false).Select(t => Path.GetFullPath(t) + "/").ToArray();
        var ours = preAst.Files.Where(f => !preAst.Sources.ContainsValue(f.Id)).Select(f => f.Path).ToHashSet();
        foreach (var header in headers)
        {
            var logical = trees.Where(t => header.StartsWith(t, StringComparison.Ordinal)).Select(t => header[t.Length..]).First();
            Assert.True(ours.Contains(logical) || PreAst.PreAst.GeneratedHeaders.Contains(logical), $"gcc reads {logical}, the Pre-AST lacks it");
        }
    }

    private static string RunCollectingStderr(string program, string[] args)
    {
        var info = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
        _ = stdout.Result;
        return stderr;
    }
}
