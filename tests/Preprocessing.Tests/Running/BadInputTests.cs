using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Running;

public class BadInputTests
{
    private static readonly string[] Pieces =
    [
        "#define ", "#undef ", "#if ", "#ifdef ", "#ifndef ", "#elif ", "#else", "#endif", "#include ", "#include_next ",
        "#error ", "#warning ", "#pragma ", "#line ", "# ", "#foo ", "\n", "\n", "\n", " ", "(", ")", ",", "...", "##", "#",
        "__VA_ARGS__", "__VA_OPT__", "defined", "__has_include", "__has_attribute", "_Pragma", "__LINE__", "__COUNTER__",
        "A", "B", "F", "F(", "A(", "x", "1", "0x10", "'a'", "\"s\"", "<a.h>", "\"a.h\"", "+", "/", "0", "?", ":", "\\\n", "/*", "*/",
    ];

    /// <summary>Random directive and token soup never crashes the preprocessor: it gives output and diagnostics.</summary>
    [Fact]
    public void Directive_and_token_soup_never_crash()
    {
        var soup = Gen.Select(Gen.ListOf(Gen.Elements(Pieces)), parts => string.Concat(parts));
        Prop.ForAll(soup.ToArbitrary(), text =>
        {
            var result = SnippetPreprocessor.Ours(text, new SnippetPreprocessor.GccArithmetic());
            // No exception, and every error says where it is.
            return result.Diagnostics.Where(d => d.IsError).All(d => d.Location is not null);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Recursive_includes_are_bounded_with_a_diagnostic()
    {
        var result = SnippetPreprocessor.Ours("#include <self.h>\n", new SnippetPreprocessor.GccArithmetic(), ("include/self.h", "int x;\n#include <self.h>\n"));
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2505");
    }

    [Fact]
    public void A_missing_include_stops_like_gcc_unless_asked_to_go_on()
    {
        var result = SnippetPreprocessor.Ours("int a;\n#include <nowhere.h>\nint b;\n", new SnippetPreprocessor.GccArithmetic());
        var error = Assert.Single(result.Diagnostics, d => d.Code == "LE2503");
        Assert.Equal(2, error.Location!.Value.Line);
        Assert.DoesNotContain(result.Tokens, t => t.Text == "b");
    }

    /// <summary>
    /// An #error that only a config reaches: the 6.1 amd64 config with HZ=100
    /// meets timeconst.h made for HZ=250, which refuses with #error — reported with
    /// the file, the line and the message, and the run goes on as gcc's does.
    /// </summary>
    [Fact]
    public void Error_directive_under_a_config_names_file_line_and_message()
    {
        var preAst = KernelPreAsts.Get("6.1.0-56", false).PreAst;
        // HZ=100 in the config, but the timeconst.h kbuild made for HZ=250 (passed explicitly): it refuses.
        var text = File.ReadAllText(KernelCache.Config("6.1.0-56", "amd64")).Replace("CONFIG_HZ=250", "CONFIG_HZ=100");
        var config = KernelConfigReader.Parse(text, "hz100.config").Config;
        var generated = Path.Combine(KernelCache.FlavourTree("6.1.0-56", "amd64"), "include", "generated");
        var other = new Dictionary<string, string>
        {
            ["include/generated/bounds.h"] = File.ReadAllText(Path.Combine(generated, "bounds.h")),
            ["include/generated/timeconst.h"] = File.ReadAllText(Path.Combine(generated, "timeconst.h")),
        };
        var result = Preprocessor.Run(preAst, KbuildCompilation.Create(preAst, config, other).Options);
        var error = Assert.Single(result.Diagnostics, d => d.Code == "LE2501");
        Assert.Equal("include/generated/timeconst.h", error.Location!.Value.Path);
        Assert.Contains("wrong HZ value", error.Message);
        Assert.StartsWith("include/generated/timeconst.h:", error.ToString());
        Assert.True(result.Tokens.Count > 900_000, "the run goes on after #error, as gcc's does");
    }
}
