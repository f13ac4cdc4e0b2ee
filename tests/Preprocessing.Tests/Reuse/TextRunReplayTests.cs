using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tests.Linking;
using LayoutExpert.Preprocessing.Tests.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A file that must run again in a session (one of its reads changed) replays
/// its text runs whose macro reads still hold and expands the others again;
/// what it produces equals a run without a session, token for token.
/// </summary>
public class TextRunReplayTests
{
    private const string Header =
        "#define A 1\n" +
        "int a = A;\n" +
        "#ifdef CONFIG_FOO\n#define B 2\n#else\n#define B 3\n#endif\n" +
        "int b = B;\n" +
        "#define F(x) (x + A)\n" +
        "int c = F(7);\n";

    [Fact]
    public void A_file_run_again_replays_the_text_whose_macros_are_unchanged()
    {
        var preAst = Build(("h.h", Header));
        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, Options(""), PreAst.PreAst.MainFile, session);

        var withFoo = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"), PreAst.PreAst.MainFile, session);

        // h.h read CONFIG_FOO, so it runs again; "int a = A;" and "int c = F(7);" read A and F only: replayed.
        // "int b = B;" read B, which is now another definition: expanded again.
        Assert.Equal(2, session.LastRun.TextRunsReplayed);
        Assert.Equal(Texts(Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"))), Texts(withFoo));
        Assert.Contains("int b = 2 ;", string.Join(' ', Texts(withFoo)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_macro_call_spanning_a_directive_is_never_cut_at_the_text_runs_edge()
    {
        // F's name ends one text run and its arguments open the next: neither edge is a plain point.
        const string header =
            "#define F(x) [x]\n" +
            "int v = F\n" +
            "#ifdef CONFIG_FOO\n#define G 1\n#else\n#define G 2\n#endif\n" +
            "(G);\n" +
            "int w = G;\n";
        var preAst = Build(("h.h", header));
        var session = new PreprocessingSession();
        foreach (var predefined in new[] { "", "#define CONFIG_FOO 1\n", "", "#define CONFIG_FOO 1\n" })
        {
            var reused = Preprocessor.Run(preAst, Options(predefined), PreAst.PreAst.MainFile, session);
            var fresh = Preprocessor.Run(preAst, Options(predefined));
            Assert.Equal(Texts(fresh), Texts(reused));
        }
        Assert.Contains("int v = [ 1 ] ;", string.Join(' ', Texts(Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n")))), StringComparison.Ordinal);
    }

    [Fact]
    public void Replayed_text_agrees_with_gcc()
    {
        var preAst = Build(("h.h", Header));
        var session = new PreprocessingSession();
        Preprocessor.Run(preAst, Options(""), PreAst.PreAst.MainFile, session);
        var reused = Preprocessor.Run(preAst, Options("#define CONFIG_FOO 1\n"), PreAst.PreAst.MainFile, session);
        Assert.True(session.LastRun.TextRunsReplayed > 0);
        Assert.Equal(SnippetPreprocessor.GccTokens("#define CONFIG_FOO 1\n" + Header), Texts(reused));
    }

    internal static PreAst.PreAst Build(params (string Path, string Text)[] headers)
    {
        var tree = PreAstBuilderTests.Tree(headers);
        return PreAstBuilder.Build(new PreAstBuildOptions([tree], ArchitectureLayout.X86_64, Path.Combine(tree, "module.c"), "#include \"h.h\"\n")).PreAst
            with { ForcedIncludes = [] };
    }

    internal static PreprocessorOptions Options(string predefined) =>
        new(predefined, new Dictionary<string, string>(), new SnippetPreprocessor.NoFeatures(), new SnippetPreprocessor.NoConditions());

    internal static List<string> Texts(PreprocessResult result) => result.Tokens.Select(t => t.Text).ToList();
}
