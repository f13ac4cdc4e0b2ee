using System.Diagnostics;
using Xunit.Abstractions;

namespace LayoutExpert.Incremental.Tests;

/// <summary>
/// Measures the cost of the common fetch paths and reports it. Timings are not asserted (machines
/// vary); what is asserted is that each loop really took the path it is named after and that the
/// fetch and verify paths allocate nothing.
/// </summary>
public sealed class FetchCostReport(ITestOutputHelper output)
{
    private const int Keys = 10_000;
    private const int Rounds = 20;

    private readonly InputQuery<int, int> _header = new("header");
    private readonly InputQuery<int, int> _option = new("option");

    [Fact]
    public void Fetch_paths_take_the_path_they_are_named_after_without_allocating()
    {
        var fromHeader = new DerivedQuery<int, int>("from-header", (ctx, key) => ctx.Get(_header, key) + 1);
        var fromOptions = new DerivedQuery<int, int>("from-options", (ctx, key) =>
            ctx.Get(_option, key) + ctx.Get(_option, key + 1) + ctx.Get(_option, key + 2));
        var sumOfAll = new DerivedQuery<int, long>("sum-of-all", (ctx, _) =>
        {
            long sum = 0;
            for (var key = 0; key < Keys; key++) sum += ctx.Get(fromHeader, key);
            return sum;
        });
        var db = new Database();
        var unreadOption = Keys + 100;
        db.Set(_option, unreadOption, 0, Durability.Low);
        for (var key = 0; key < Keys + 2; key++)
        {
            db.Set(_header, key, key, Durability.High);
            db.Set(_option, key, key % 3, Durability.Low);
        }
        var headerSum = (long)Keys * (Keys + 1) / 2;
        Assert.Equal(headerSum, Sum(db, fromHeader));
        Sum(db, fromOptions);
        db.Statistics.Reset();

        var sameKey = Measure(() =>
        {
            long sum = 0;
            for (var i = 0; i < Keys; i++) sum += db.Get(fromHeader, 7);
            return sum;
        });
        var manyKeys = Measure(() => Sum(db, fromHeader));
        Assert.Equal(new QueryCounters(0, 2L * Keys * (Rounds + 1), 0, 0, 0), db.Statistics.For(fromHeader));
        db.Statistics.Reset();

        // A Low option changes each round; the High-only memos are verified in O(1).
        var shortcut = Measure(() =>
        {
            db.Set(_option, unreadOption, db.Get(_option, unreadOption) + 1, Durability.Low);
            return Sum(db, fromHeader);
        });
        Assert.Equal(new QueryCounters(0, 0, 0, (long)Keys * (Rounds + 1), 0), db.Statistics.For(fromHeader));
        db.Statistics.Reset();

        // The option that changes is read by no from-options memo: each walks its three inputs.
        var deep = Measure(() =>
        {
            db.Set(_option, unreadOption, db.Get(_option, unreadOption) + 1, Durability.Low);
            return Sum(db, fromOptions);
        });
        Assert.Equal(new QueryCounters(0, 0, (long)Keys * (Rounds + 1), 0, 0), db.Statistics.For(fromOptions));
        db.Statistics.Reset();

        // One header changes each round: sum-of-all re-runs and reads 10 000 memos, one of them re-run.
        var recorded = Measure(() =>
        {
            db.Set(_header, 0, db.Get(_header, 0) + 1, Durability.High);
            return db.Get(sumOfAll, 0);
        });
        Assert.Equal(Rounds + 1, db.Statistics.For(sumOfAll).Executions);
        Assert.Equal(Keys, db.GetDependencies(sumOfAll, 0).Length);

        output.WriteLine($"hit, same key:               {sameKey}");
        output.WriteLine($"hit, {Keys} keys:            {manyKeys}");
        output.WriteLine($"durability shortcut verify:  {shortcut}");
        output.WriteLine($"deep verify of 3 inputs:     {deep}");
        output.WriteLine($"recorded read inside a query: {recorded}");
        Assert.Equal(0, sameKey.BytesPerOperation);
        Assert.Equal(0, manyKeys.BytesPerOperation);
        Assert.Equal(0, shortcut.BytesPerOperation);
        Assert.Equal(0, deep.BytesPerOperation);
    }

    private static long Sum<TValue>(Database db, DerivedQuery<int, TValue> query) where TValue : IConvertible
    {
        long sum = 0;
        for (var key = 0; key < Keys; key++) sum += db.Get(query, key).ToInt64(null);
        return sum;
    }

    private readonly record struct Cost(double NanosecondsPerOperation, double BytesPerOperation)
    {
        public override string ToString() => $"{NanosecondsPerOperation,6:F1} ns/op, {BytesPerOperation:F1} bytes/op";
    }

    /// <summary>
    /// Runs <paramref name="round"/> (<see cref="Keys"/> operations) once to warm up, then
    /// <see cref="Rounds"/> times. Time is the fastest round's (the least disturbed by other
    /// processes); allocation is the average over all measured rounds.
    /// </summary>
    private static Cost Measure(Func<long> round)
    {
        long sink = round();
        var fastest = TimeSpan.MaxValue;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Rounds; i++)
        {
            var start = Stopwatch.GetTimestamp();
            sink += round();
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed < fastest) fastest = elapsed;
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.KeepAlive(sink);
        return new Cost(fastest.TotalNanoseconds / Keys, (double)allocated / Keys / Rounds);
    }
}
