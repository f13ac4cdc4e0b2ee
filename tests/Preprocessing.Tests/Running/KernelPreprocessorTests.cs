using System.Text;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>
/// The oracle of the preprocessor: for each Debian flavour, our preprocessor
/// on the Pre-AST and the flavour's .config gives exactly the tokens of
/// kbuild's own `gcc -E` of module.c (white space and line markers aside).
/// autoconf.h, timeconst.h and asm-offsets.h are made from the .config; only
/// bounds.h (computed by make-profile) is read from the flavour directory here.
/// </summary>
public class KernelPreprocessorTests(ITestOutputHelper output)
{
    public static readonly TheoryData<string, string> Flavours = new()
    {
        { "6.1.0-56", "amd64" },
        { "6.1.0-56", "cloud-amd64" },
        { "6.1.0-56", "rt-amd64" },
        { "6.12.117+deb12", "amd64" },
        { "6.12.117+deb12", "cloud-amd64" },
        { "6.12.117+deb12", "rt-amd64" },
    };

    public static PreprocessResult Preprocess(string kernel, string flavour)
    {
        var preAst = KernelPreAsts.Get(kernel, flavour == "rt-amd64").PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(kernel, flavour));
        Assert.False(config.HasErrors, string.Join('\n', config.Diagnostics));
        var generatedDir = Path.Combine(KernelCache.FlavourTree(kernel, flavour), "include", "generated");
        var other = new Dictionary<string, string>();
        foreach (var name in new[] { "bounds.h" })
        {
            other["include/generated/" + name] = File.ReadAllText(Path.Combine(generatedDir, name));
        }
        var compilation = KbuildCompilation.Create(preAst, config.Config, other);
        return Preprocessor.Run(preAst, compilation.Options);
    }

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Matches_kbuilds_gcc_token_for_token(string kernel, string flavour)
    {
        var gcc = GccOutput.Tokens(File.ReadAllText(Path.Combine(KbuildModules.Get(kernel, flavour), "module.i")));
        var ours = Preprocess(kernel, flavour);
        var errors = ours.Diagnostics.Where(d => d.IsError).Take(10).ToList();
        Assert.True(errors.Count == 0, "gcc compiled it cleanly, we reported:\n" + string.Join('\n', errors));
        var count = Math.Min(gcc.Count, ours.Tokens.Count);
        var first = -1;
        for (var i = 0; i < count && first < 0; i++)
        {
            if (gcc[i].Text != ours.Tokens[i].Text) first = i;
        }
        if (first < 0 && gcc.Count != ours.Tokens.Count) first = count;
        output.WriteLine($"{kernel} {flavour}: gcc {gcc.Count} tokens, ours {ours.Tokens.Count}");
        Assert.True(first < 0, first < 0 ? "" : Report(gcc, ours, first));
    }

    /// <summary>LayoutExpert's bounds.c preprocesses cleanly under every flavour's config, with its enumeration of bounds.</summary>
    [Theory]
    [MemberData(nameof(Flavours))]
    public void Bounds_source_preprocesses_under_every_config(string kernel, string flavour)
    {
        var preAst = KernelPreAsts.Get(kernel, flavour == "rt-amd64").PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(kernel, flavour)).Config;
        var compilation = KbuildCompilation.Create(preAst, config, new Dictionary<string, string>());
        var result = Preprocessor.Run(preAst, compilation.Options, preAst.Sources["bounds.c"]);
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        var text = result.ToText();
        Assert.Contains("layout_expert_bound_SPINLOCK_SIZE = sizeof(spinlock_t)", text);
        Assert.Contains("layout_expert_bound_NR_CPUS_BITS", text);
    }

    private static string Report(List<GccToken> gcc, PreprocessResult ours, int at)
    {
        var text = new StringBuilder();
        text.AppendLine($"first difference at token {at}:");
        var from = Math.Max(0, at - 12);
        text.AppendLine("gcc:  " + string.Join(' ', gcc.Skip(from).Take(24).Select(t => t.Text)));
        text.AppendLine("ours: " + string.Join(' ', ours.Tokens.Skip(from).Take(24).Select(t => t.Text)));
        if (at < gcc.Count) text.AppendLine($"gcc's token comes from {gcc[at].File}:{gcc[at].Line}");
        if (at < ours.Tokens.Count)
        {
            text.AppendLine("ours comes from " + ours.Describe(ours.Tokens[at].Origin, (file, offset) =>
                file >= 0 && file < ours.Files.Count ? $"{ours.Files[file]}@{offset}" : $"file{file}@{offset}"));
        }
        return text.ToString();
    }
}
