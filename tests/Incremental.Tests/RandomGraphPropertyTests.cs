using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;

namespace LayoutExpert.Incremental.Tests;

/// <summary>
/// Random acyclic query graphs under random input histories: after every change, each fetched
/// value of the long-lived database equals a plain evaluation of the graph (and a fresh database
/// agrees too), and the long-lived database re-runs fewer functions than recomputing from scratch.
/// </summary>
public sealed class RandomGraphPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 500;

    [Fact]
    public void Incremental_results_equal_from_scratch_results_with_less_work()
    {
        long incrementalExecutions = 0, scratchExecutions = 0, backdates = 0, shortcuts = 0;
        var stopwatch = Stopwatch.StartNew();

        var property = Prop.ForAll(Scenario.Generator.ToArbitrary(), scenario =>
        {
            var result = Run(scenario);
            incrementalExecutions += result.Incremental.Executions;
            scratchExecutions += result.ScratchExecutions;
            backdates += result.Incremental.Backdates;
            shortcuts += result.Incremental.ShortcutVerifications;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);

        output.WriteLine(
            $"{Cases} cases in {stopwatch.ElapsedMilliseconds} ms: {incrementalExecutions} incremental executions " +
            $"vs {scratchExecutions} from scratch ({100.0 * incrementalExecutions / scratchExecutions:F1}%), " +
            $"{backdates} backdates, {shortcuts} durability shortcuts");
        Assert.True(incrementalExecutions < scratchExecutions);
        Assert.True(backdates > 0);
        Assert.True(shortcuts > 0);
    }

    private sealed record RunResult(QueryCounters Incremental, long ScratchExecutions);

    private static RunResult Run(Scenario scenario)
    {
        var graph = new GraphQueries(scenario);
        var db = new Database();
        var values = scenario.InitialValues.ToArray();
        var durabilities = scenario.InitialDurabilities.ToArray();
        for (var i = 0; i < values.Length; i++) db.Set(graph.Input, i, values[i], durabilities[i]);

        long scratchExecutions = 0;
        var everything = Enumerable.Range(0, scenario.Nodes.Length).ToArray();
        scratchExecutions += FetchAndCompare(db, graph, scenario, values, durabilities, everything);

        foreach (var step in scenario.Steps)
        {
            values[step.Input] = step.Value;
            durabilities[step.Input] = step.Durability;
            db.Set(graph.Input, step.Input, step.Value, step.Durability);
            scratchExecutions += FetchAndCompare(db, graph, scenario, values, durabilities, step.Fetch);
            if (step.Sweep) db.DropMemosNotVerifiedSince(db.CurrentRevision);
        }

        var incremental = db.Statistics.For(graph.Node);
        if (incremental.Executions > scratchExecutions)
            throw new InvalidOperationException($"{incremental.Executions} incremental executions exceed {scratchExecutions} from scratch");
        return new RunResult(incremental, scratchExecutions);
    }

    /// <summary>
    /// Fetches <paramref name="fetch"/> from the long-lived database and from a fresh one, checks both
    /// against the plain evaluation, and returns how many functions the fresh one ran.
    /// </summary>
    private static long FetchAndCompare(
        Database db, GraphQueries graph, Scenario scenario, int[] values, Durability[] durabilities, int[] fetch)
    {
        var expected = scenario.EvaluateFromScratch(values);
        var fresh = new Database();
        for (var i = 0; i < values.Length; i++) fresh.Set(graph.Input, i, values[i], durabilities[i]);

        foreach (var j in fetch)
        {
            var incremental = db.Get(graph.Node, j);
            var scratch = fresh.Get(graph.Node, j);
            var want = expected[scenario.InputCount + j];
            if (incremental != want || scratch != want)
            {
                throw new InvalidOperationException(
                    $"d{j}: incremental {incremental}, fresh database {scratch}, expected {want} " +
                    $"with inputs [{string.Join(",", values)}]");
            }

            // A current memo's dependency list is exactly what the function reads now, in order.
            var recorded = db.GetDependencies(graph.Node, j).Select(graph.NodeNumber).ToList();
            var reads = scenario.ReadsOf(j, expected);
            if (!recorded.SequenceEqual(reads))
            {
                throw new InvalidOperationException(
                    $"d{j}: recorded dependencies [{string.Join(",", recorded)}], reads [{string.Join(",", reads)}]");
            }
        }
        return fresh.Statistics.For(graph.Node).Executions;
    }

    /// <summary>The scenario's graph as queries: one input per input number, one memo per derived node.</summary>
    private sealed class GraphQueries
    {
        private readonly int _inputCount;

        public GraphQueries(Scenario scenario)
        {
            _inputCount = scenario.InputCount;
            Input = new InputQuery<int, int>("input");
            Node = new DerivedQuery<int, int>("node", (ctx, j) => scenario.Nodes[j].Evaluate(
                source => source < scenario.InputCount ? ctx.Get(Input, source) : ctx.Get(Node!, source - scenario.InputCount)));
        }

        public InputQuery<int, int> Input { get; }

        /// <summary>The node number a dependency stands for: inputs first, then derived nodes.</summary>
        public int NodeNumber(QueryKey dependency) =>
            dependency.Query == Input ? (int)dependency.Key : _inputCount + (int)dependency.Key;

        public DerivedQuery<int, int> Node { get; }
    }
}
