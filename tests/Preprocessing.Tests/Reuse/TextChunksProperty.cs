using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A session cuts a long text run into chunks recorded and replayed on their
/// own (TextChunks). Random headers with one long run of functions and
/// statements using macros whose definitions an #ifdef CONFIG_ line picks,
/// some calls spanning lines (and so a cut), some spread over brace blocks,
/// run in one session through a random walk of configs: every run equals a
/// run without a session, token for token with the tokens' flags (a chunk
/// begins with the flags the run's previous token leaves), and a walk that
/// changes a config replays some chunks.
/// </summary>
public class TextChunksProperty
{
    [Fact]
    public void Chunked_text_runs_replay_to_what_a_fresh_run_expands()
    {
        var headers = Gen.Choose(1, 1 << 20).Select(seed => Header(new Random(seed)));
        var walks = Gen.ListOf(Gen.Choose(0, 3), 5).Select(l => l.ToArray());
        var replayedChunks = 0;
        Prop.ForAll(Arb.From(headers), Arb.From(walks), (header, walk) =>
        {
            var preAst = TextRunReplayTests.Build(("h.h", header));
            var session = new PreprocessingSession();
            foreach (var flags in walk)
            {
                var predefined = string.Concat(Enumerable.Range(0, 2).Where(k => (flags & (1 << k)) != 0).Select(k => $"#define CONFIG_F{k} 1\n"));
                var reused = Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined), PreAst.PreAst.MainFile, session);
                var fresh = Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined));
                SessionInputs.AssertSameOutput(fresh, reused, $"flags {flags}");
                replayedChunks += session.LastRun.TextRunsReplayed;
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(200));
        Assert.True(replayedChunks > 0, "no chunk was ever replayed");
    }

    /// <summary>Two macros picked by CONFIG_F0 and CONFIG_F1, then one text run of 300-1,500 tokens using them and a function-like one.</summary>
    private static string Header(Random random)
    {
        var text = new System.Text.StringBuilder();
        text.Append("#ifdef CONFIG_F0\n#define A (1 + 2)\n#else\n#define A 7\n#endif\n");
        text.Append("#ifdef CONFIG_F1\n#define B(x) { x; }\n#else\n#define B(x) [x]\n#endif\n");
        text.Append("#define C(x, y) (x * y)\n");
        var target = random.Next(300, 1500);
        var tokens = 0;
        var function = 0;
        while (tokens < target)
        {
            var pick = random.Next(6);
            var line = pick switch
            {
                0 => $"int f{function++}(void) {{\n  return A + {random.Next(100)};\n}}\n",
                1 => $"static int g{function++}(int x) {{\n  if (x) {{\n    x = C(x,\n      A);\n  }}\n  return x;\n}}\n",
                2 => $"int v{function++} = B(A);\n",
                3 => $"  int w{function++} =   C(1, 2)  ;\n",
                4 => $"long z{function++}[] = {{ A, B(3), C(A,\nA) }};\n",
                _ => $"void h{function++}(void)\n{{\n  B(x)\n  ;\n}}\n",
            };
            text.Append(line);
            tokens += line.Split([' ', '\n', '(', ')', ',', ';'], StringSplitOptions.RemoveEmptyEntries).Length + 4;
        }
        return text.ToString();
    }
}
