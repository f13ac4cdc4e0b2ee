using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tests.Linking;
using LayoutExpert.Preprocessing.Tests.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A file that runs again in a session decides an #if line as before only
/// where every macro the line read is the same definition now: the output
/// and the #if records equal a run without a session, and gcc's output.
/// </summary>
public class ConditionMemoTests
{
    private static readonly SnippetPreprocessor.GccArithmetic GccArithmetic = new();

    /// <summary>One object for every run: kept decisions are told apart by their feature answers' equality.</summary>
    private static readonly SnippetPreprocessor.NoFeatures NoFeatures = new();

    [Fact]
    public void An_unchanged_line_is_decided_as_before_and_a_line_reading_a_changed_option_again()
    {
        const string header =
            "#define A 2\n" +
            "#if A > 1 && defined(CONFIG_FOO)\nint x = 1;\n#else\nint x = 0;\n#endif\n" +
            "#if A > 1\nint y = 1;\n#else\nint y = 0;\n#endif\n";
        var preAst = Build(header);
        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, Options(""), PreAst.PreAst.MainFile, session);

        var withFoo = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"), PreAst.PreAst.MainFile, session);

        // h.h read CONFIG_FOO, so it runs again: the first line read it and is evaluated again, the second read only A.
        Assert.Equal(1, session.LastRun.ConditionsReused);
        var fresh = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"));
        Assert.Equal(Texts(fresh), Texts(withFoo));
        Assert.Equal(fresh.Conditions, withFoo.Conditions);
        Assert.Equal(SnippetPreprocessor.GccTokens("#define CONFIG_FOO 1\n" + header), Texts(withFoo));
    }

    [Fact]
    public void A_line_whose_macro_another_config_defines_differently_is_evaluated_again()
    {
        // A's definition follows the option, and the line after it reads A only: its kept value no longer holds.
        const string header =
            "#ifdef CONFIG_FOO\n#define A 1\n#else\n#define A 2\n#endif\n" +
            "#if A > 1\nint y = 1;\n#else\nint y = 0;\n#endif\n" +
            "#if 2 > 1\nint z = 1;\n#endif\n";
        var preAst = Build(header);
        var session = new PreprocessingSession();
        foreach (var predefined in new[] { "", "#define CONFIG_FOO 1\n", "", "#define CONFIG_FOO 1\n" })
        {
            var reused = Preprocessor.Run(preAst, Options(predefined), PreAst.PreAst.MainFile, session);
            var fresh = Preprocessor.Run(preAst, Options(predefined));
            Assert.Equal(Texts(fresh), Texts(reused));
            Assert.Equal(fresh.Conditions, reused.Conditions);
            Assert.Equal(SnippetPreprocessor.GccTokens(predefined + header), Texts(reused));
        }
        Assert.Contains("int y = 0 ;", string.Join(' ', Texts(Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n")))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_that_reported_a_diagnostic_is_evaluated_again()
    {
        // Division by zero is diagnosed on every evaluation: a kept value would drop the second run's diagnostic.
        const string header =
            "#define Z 0\n" +
            "#if defined(CONFIG_FOO) || 1 / Z\nint q;\n#endif\n" +
            "#if 1 / Z\nint r;\n#endif\n";
        var preAst = Build(header);
        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, Options(""), PreAst.PreAst.MainFile, session);
        var reused = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"), PreAst.PreAst.MainFile, session);
        var fresh = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"));
        Assert.NotEmpty(fresh.Diagnostics);
        Assert.Equal(fresh.Diagnostics.Select(d => d.Message), reused.Diagnostics.Select(d => d.Message));
        Assert.Equal(0, session.LastRun.ConditionsReused);
    }

    private static PreAst.PreAst Build(string header)
    {
        var tree = PreAstBuilderTests.Tree(("h.h", header));
        return PreAstBuilder.Build(new PreAstBuildOptions([tree], ArchitectureLayout.X86_64, Path.Combine(tree, "module.c"), "#include \"h.h\"\n")).PreAst
            with { ForcedIncludes = [] };
    }

    private static PreprocessorOptions Options(string predefined) =>
        new(predefined, new Dictionary<string, string>(), NoFeatures, GccArithmetic);

    private static List<string> Texts(PreprocessResult result) => result.Tokens.Select(t => t.Text).ToList();
}
