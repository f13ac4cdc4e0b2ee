using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A file run again keeps its new run unmerged until a later config first
/// checks it (RunParts): the merge then must give the very reads and writes
/// that merging while recording gives. Two sessions walk the same configs on
/// the real 6.1 headers, one merging every run when recorded: a read left out
/// or kept wrongly by the later merge makes the two sessions replay
/// different runs (so their figures differ) or one replay a run it should not
/// (so its output differs from the other's, and from a fresh run).
/// </summary>
public class LaterMergeTests(ITestOutputHelper output)
{
    [Fact]
    public void Runs_merged_when_first_needed_replay_as_runs_merged_when_recorded()
    {
        var preAst = SessionInputs.PreAst;
        var amd64 = SessionInputs.Config("amd64");
        var lockAlloc = SessionInputs.Flip(amd64, "DEBUG_LOCK_ALLOC");
        var memcg = SessionInputs.Flip(amd64, "MEMCG");
        var both = SessionInputs.Flip(lockAlloc, "MEMCG");
        var hz = SessionInputs.With(lockAlloc, "HZ", new ConfigValue(ConfigValueKind.Decimal, "1000"));
        // Revisits (lockAlloc, amd64, memcg) replay the runs that were merged later.
        (string Name, KernelConfig Config)[] walk =
        [
            ("amd64", amd64), ("DEBUG_LOCK_ALLOC", lockAlloc), ("MEMCG", memcg), ("DEBUG_LOCK_ALLOC again", lockAlloc),
            ("DEBUG_LOCK_ALLOC+MEMCG", both), ("DEBUG_LOCK_ALLOC+HZ=1000", hz), ("amd64 again", amd64), ("MEMCG again", memcg),
        ];
        var later = new PreprocessingSession();
        var atOnce = new PreprocessingSession { MergeLaterRuns = false };
        foreach (var (name, config) in walk)
        {
            var options = SessionInputs.Compilation(config).LazyConfigOptions;
            var fromLater = Preprocessor.Run(preAst, options, PreAst.PreAst.MainFile, later);
            var fromAtOnce = Preprocessor.Run(preAst, options, PreAst.PreAst.MainFile, atOnce);
            output.WriteLine($"{name}: {later.LastRun}");
            Assert.Equal(atOnce.LastRun, later.LastRun);
            var fresh = Preprocessor.Run(preAst, SessionInputs.Compilation(config).Options);
            SessionInputs.AssertSameOutput(fresh, fromLater, name);
            SessionInputs.AssertSameOutput(fresh, fromAtOnce, name + ", merged when recorded");
            // A config seen before replays whole: every run it recorded (merged later or not) holds.
            if (name.EndsWith(" again", StringComparison.Ordinal))
            {
                Assert.Equal(0, later.LastRun.FilesExecuted);
                Assert.Equal(later.LastRun.Tokens, later.LastRun.TokensReplayed);
            }
        }
    }
}
