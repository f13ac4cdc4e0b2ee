using System.Collections.Concurrent;
using System.Diagnostics;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Compiler;

/// <summary>
/// kbuild's real gcc command for module.c: built once per kernel per test run
/// with scripts/build-module.sh (amd64 flavour), read back from .module.o.cmd.
/// </summary>
internal sealed record KbuildCommand(string Kernel, string Compiler, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    private static readonly ConcurrentDictionary<string, Lazy<KbuildCommand>> Built = new();

    public static KbuildCommand For(string kernel) =>
        Built.GetOrAdd(kernel, k => new Lazy<KbuildCommand>(() => Build(k))).Value;

    /// <summary>The command without -I, -include, dependency output, -c, -o and the source: what gcc predefines from flags alone.</summary>
    public IReadOnlyList<string> FlagsWithoutFiles
    {
        get
        {
            var kept = new List<string>();
            for (var i = 0; i < Arguments.Count - 1; i++)
            {
                var a = Arguments[i];
                if (a is "-c") continue;
                if (a is "-o" or "-include" or "-I" or "-isystem") { i++; continue; }
                if (a.StartsWith("-I", StringComparison.Ordinal) || a.StartsWith("-Wp,-MMD,", StringComparison.Ordinal) || a.StartsWith("-Wp,-MD,", StringComparison.Ordinal)) continue;
                kept.Add(a);
            }
            return kept;
        }
    }

    private static KbuildCommand Build(string kernel)
    {
        var flavourTree = KernelCache.FlavourTree(kernel, "amd64");
        var outdir = Directory.CreateTempSubdirectory("layoutexpert-kbuild-").FullName;
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", "build-module.sh"), kernel, "amd64", outdir]);
        var line = File.ReadLines(Path.Combine(outdir, ".module.o.cmd")).First();
        var command = line[(line.IndexOf(" := ", StringComparison.Ordinal) + 4)..];
        command = command.Split(';')[0].Replace("$(pound)", "#").Replace("$$", "$");
        // The shell splits kbuild's words (it quotes -DKBUILD_BASENAME='"module"').
        var words = Gcc.Run("bash", ["-c", "eval \"args=($1)\"; printf '%s\\0' \"${args[@]}\"", "split", command])
            .Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith("module.c", words[^1]);
        return new KbuildCommand(kernel, words[0], words[1..], flavourTree);
    }

    /// <summary>Runs the compiler with extra arguments in kbuild's working directory; returns stdout.</summary>
    public string Run(IEnumerable<string> arguments, string? stdin = null)
    {
        var info = new ProcessStartInfo(Compiler)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + Compiler);
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{Compiler} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}
