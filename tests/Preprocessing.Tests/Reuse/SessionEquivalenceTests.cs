using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// A session's runs give what fresh runs give (the oracle tests tie fresh runs
/// to gcc -E), whatever it replays: across flavours, across translation units.
/// </summary>
public class SessionEquivalenceTests(ITestOutputHelper output)
{
    [Fact]
    public void Amd64_then_cloud_then_amd64_again_in_one_session_equal_fresh_runs()
    {
        var preAst = SessionInputs.PreAst;
        var session = new PreprocessingSession();
        var figures = new List<PreprocessingStatistics>();
        foreach (var flavour in new[] { "amd64", "cloud-amd64", "amd64" })
        {
            var options = SessionInputs.Compilation(SessionInputs.Config(flavour)).Options;
            var fresh = Preprocessor.Run(preAst, options);
            var reused = Preprocessor.Run(preAst, options, PreAst.PreAst.MainFile, session);
            SessionInputs.AssertSameOutput(fresh, reused, flavour);
            figures.Add(session.LastRun);
            output.WriteLine($"{flavour}: {session.LastRun}");
        }
        // Cold: only files included twice in the unit (with no guard) can replay, and they produce almost nothing.
        Assert.True(figures[0].ReplayedFraction < 0.01, figures[0].ToString());
        Assert.True(figures[1].FilesReplayed > 0, "cloud-amd64 shares headers with amd64 that read no option the two set differently");
        // The same config again: the roots' reads all hold, so nothing runs.
        Assert.True(figures[2].ReplayedFraction > 0.99, figures[2].ToString());
        Assert.True(figures[2].FilesExecuted <= 3, figures[2].ToString());
    }

    [Fact]
    public void Bounds_unit_then_module_unit_in_one_session_equal_fresh_runs()
    {
        var preAst = SessionInputs.PreAst;
        var options = SessionInputs.Compilation(SessionInputs.Config("amd64")).Options;
        var session = new PreprocessingSession();
        foreach (var source in new[] { preAst.Sources["bounds.c"], PreAst.PreAst.MainFile })
        {
            var fresh = Preprocessor.Run(preAst, options, source);
            var reused = Preprocessor.Run(preAst, options, source, session);
            SessionInputs.AssertSameOutput(fresh, reused, preAst.Files[source].Path);
            output.WriteLine($"{preAst.Files[source].Path}: {session.LastRun}");
        }
        // module.c includes much of what bounds.c did, under the same macros.
        Assert.True(session.LastRun.FilesReplayed > 0, session.LastRun.ToString());
    }

    [Fact]
    public void Counter_values_are_marked_and_map_one_to_one_onto_a_fresh_runs()
    {
        var preAst = SessionInputs.PreAst;
        var session = new PreprocessingSession();
        var amd64 = SessionInputs.Config("amd64");
        foreach (var config in new[] { amd64, SessionInputs.Flip(amd64, "MEMCG"), amd64 })
        {
            var options = SessionInputs.Compilation(config).Options;
            var fresh = SessionInputs.CounterTokens(Preprocessor.Run(preAst, options));
            var reused = SessionInputs.CounterTokens(Preprocessor.Run(preAst, options, PreAst.PreAst.MainFile, session));
            Assert.NotEmpty(fresh);
            Assert.Equal(fresh.Length, reused.Length);
            // Each fresh value stands for one session value and back: values a session replays stay distinct.
            var forward = new Dictionary<string, string>();
            var backward = new Dictionary<string, string>();
            for (var i = 0; i < fresh.Length; i++)
            {
                var (a, b) = (CounterValue(fresh[i]), CounterValue(reused[i]));
                Assert.True(forward.TryAdd(a, b) || forward[a] == b, $"counter token {i}: fresh {a} stood for {forward[a]}, now for {b}");
                Assert.True(backward.TryAdd(b, a) || backward[b] == a, $"counter token {i}: session {b} stood for {backward[b]}, now for {a}");
            }
            output.WriteLine($"{forward.Count} distinct counter values; {session.LastRun}");
        }
    }

    /// <summary>The counter's number in a token made from it: 42, __compiletime_assert_42, "x42".</summary>
    private static string CounterValue(PPToken token) =>
        System.Text.RegularExpressions.Regex.Match(token.Text, @"(\d+)\D*$").Groups[1].Value is { Length: > 0 } digits
            ? digits
            : throw new Xunit.Sdk.XunitException("a counter token without a number: " + token.Text);

    [Fact]
    public void Fresh_runs_record_the_conditions_they_evaluate()
    {
        var preAst = SessionInputs.PreAst;
        var result = Preprocessor.Run(preAst, SessionInputs.Compilation(SessionInputs.Config("amd64")).Options);
        Assert.NotEmpty(result.Conditions);
        // include/linux/memcontrol.h: "#ifdef CONFIG_MEMCG" is evaluated, reads CONFIG_MEMCG, and holds under amd64.
        var memcontrol = preAst.Files.Select((f, i) => (f.Path, i)).Single(f => f.Path == "include/linux/memcontrol.h").i;
        var memcg = result.Conditions.Where(c => c.File == memcontrol && c.MacrosRead.Contains("CONFIG_MEMCG")).ToList();
        Assert.NotEmpty(memcg);
        Assert.Contains(memcg, c => c.Result);
        Assert.All(result.Conditions, c => Assert.True(c.Offset >= 0));
    }
}
