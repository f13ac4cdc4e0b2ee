using System.Collections.Immutable;

namespace LayoutExpert.Incremental;

/// <summary>
/// A query needed its own value: <see cref="Cycle"/> lists the memos involved, starting with the
/// one that was requested again, each followed by the one it was computing or verifying when it
/// asked for the next. The last entry is the one that asked for the first again.
/// </summary>
/// <remarks>
/// Detected before recursing (every memo being computed or verified is marked), so a cycle never
/// overflows the stack. Nothing is memoised for the queries of the cycle; the database stays
/// usable. Catching this exception inside a query function is not supported.
/// </remarks>
public sealed class QueryCycleException : IncrementalException
{
    internal QueryCycleException(ImmutableArray<QueryKey> cycle)
        : base("Query cycle: " + string.Join(" -> ", cycle.Append(cycle[0])))
    {
        Cycle = cycle;
    }

    /// <summary>The memos of the cycle, in the order each asked for the next.</summary>
    public ImmutableArray<QueryKey> Cycle { get; }
}
