using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// Random header trees whose files define, undefine and read a few macros
/// before and after including each other, under #ifdef CONFIG_ lines, run in
/// one session through a random walk of configs: every run equals a run
/// without a session. A file's run merges its includes' reads and writes in
/// the order they happened (a read after an include that wrote the name
/// read that write; an include's read before the file's own write is the
/// run's read), whether merged when recorded or, for a file run again, when
/// first needed (RunParts): a read left out replays a run where the fresh
/// run differs.
/// </summary>
public class RunMergeOrderProperty
{
    private const int Files = 4;

    [Fact]
    public void Sessions_replay_runs_merged_in_event_order_exactly()
    {
        var trees = Gen.Choose(1, 1 << 20).Select(seed => Headers(new Random(seed)));
        var walks = Gen.ListOf(Gen.Choose(0, 7), 6).Select(l => l.ToArray());
        Prop.ForAll(Arb.From(trees), Arb.From(walks), (headers, walk) =>
        {
            var preAst = TextRunReplayTests.Build(headers);
            foreach (var mergeLater in new[] { true, false })
            {
                var session = new PreprocessingSession { MergeLaterRuns = mergeLater };
                foreach (var flags in walk)
                {
                    var predefined = string.Concat(Enumerable.Range(0, 3).Where(k => (flags & (1 << k)) != 0).Select(k => $"#define CONFIG_F{k} 1\n"));
                    var reused = Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined), PreAst.PreAst.MainFile, session);
                    var fresh = Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined));
                    Assert.Equal(TextRunReplayTests.Texts(fresh), TextRunReplayTests.Texts(reused));
                }
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    /// <summary>h0.h ... h3.h; a file includes only later ones, so there is no cycle; module.c includes h0.h.</summary>
    private static (string Path, string Text)[] Headers(Random random)
    {
        var headers = new (string, string)[Files];
        var variable = 0;
        for (var file = 0; file < Files; file++)
        {
            var text = new System.Text.StringBuilder();
            var lines = random.Next(2, 9);
            for (var i = 0; i < lines; i++)
            {
                var guarded = random.Next(3) == 0;
                if (guarded) text.Append($"#ifdef CONFIG_F{random.Next(3)}\n");
                text.Append(Line(random, file, ref variable));
                if (guarded) text.Append("#endif\n");
            }
            headers[file] = ($"h{file}.h", text.ToString());
        }
        headers[0].Item1 = "h.h";
        return headers;
    }

    private static string Line(Random random, int file, ref int variable)
    {
        var name = $"M{random.Next(3)}";
        return random.Next(file < Files - 1 ? 5 : 4) switch
        {
            0 => $"#define {name} {random.Next(10)}\n",
            1 => $"#undef {name}\n",
            2 or 3 => $"int v{variable++} = {name};\n",
            _ => $"#include \"h{random.Next(file + 1, Files)}.h\"\n",
        };
    }
}
