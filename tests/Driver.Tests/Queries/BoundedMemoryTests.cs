using Xunit.Abstractions;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>Alone in its collection: it reads the process's heap size, which tests running beside it would disturb.</summary>
[CollectionDefinition(nameof(BoundedMemoryTests), DisableParallelization = true)]
public sealed class BoundedMemoryCollection;

/// <summary>
/// Issue 6: memory stays bounded when many configs pass through one database.
/// Every cache a database keeps (memos swept by DropUnused, preprocessed runs,
/// parses, binding records, layouts, ISF fragments) keeps a few versions and
/// drops what recent configs did not use, so once those are full, more
/// distinct configs do not grow the heap.
/// </summary>
[Collection(nameof(BoundedMemoryTests))]
public class BoundedMemoryTests(ITestOutputHelper output)
{
    [Fact]
    public void Many_distinct_configs_through_one_database_do_not_grow_the_heap()
    {
        var preAst = KernelInputs.PreAst("6.1.0-56", "amd64");
        var amd64 = KernelInputs.Config("6.1.0-56", "amd64");
        var database = new ProfileDatabase(preAst);
        // Each config differs from every other (NR_CPUS is read by cpumask.h and the headers sizing per-CPU arrays).
        KernelConfig Variant(int i) => amd64.With("NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, (64 + 8 * i).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .With("MEMCG", i % 2 == 0 ? null : amd64["MEMCG"]!.Value);
        long HeapAfter(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                database.SetConfig(Variant(i));
                database.Profile(ProfileFormat.Isf);
                database.DropUnused();
            }
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return GC.GetTotalMemory(forceFullCollection: true);
        }

        var afterTwelve = HeapAfter(0, 12);
        var afterTwentyFour = HeapAfter(12, 24);
        var afterThirtySix = HeapAfter(24, 36);
        output.WriteLine($"heap after 12 configs {afterTwelve / 1e6:F0} MB, after 24 {afterTwentyFour / 1e6:F0} MB, after 36 {afterThirtySix / 1e6:F0} MB");
        // Unbounded keeping would add each config's runs, records and fragments: tens of MB per dozen configs.
        Assert.True(afterThirtySix < afterTwelve * 1.15, $"the heap grew from {afterTwelve / 1e6:F0} MB to {afterThirtySix / 1e6:F0} MB");
        Assert.True(afterThirtySix < afterTwentyFour * 1.1, $"the heap grew from {afterTwentyFour / 1e6:F0} MB to {afterThirtySix / 1e6:F0} MB");
    }
}
