using System.Runtime.CompilerServices;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The reachable part of a layout set, kept with the set it was cut from.
/// <see cref="ReachableTypes.From"/> reads the set, the names, the table's
/// definitions and the roots; a set object is only handed out again by
/// <see cref="LayoutSetBuilder"/> for the same definitions and with the same
/// names object (a whole set reused after a config flip), so the same set,
/// the same names and equal roots give the same answer. Any other call cuts
/// the set: made from the last cut (<see cref="ReachableCut"/>) when the
/// database serves several configs, afresh otherwise (one cut: the graph would
/// cost more than it saves). One per database
/// (<see cref="Queries.ProfileSession"/>): no state is shared between databases.
/// </summary>
public sealed class ReachableMemo(bool incremental = false)
{
    private sealed record Entry(LayoutSetBuilder.Names Names, CType[] Roots, LayoutSet Reachable);

    private readonly ConditionalWeakTable<LayoutSet, Entry> _known = new();

    /// <summary>The cut made from the last one; null when each cut is made afresh.</summary>
    public ReachableCut? Cut { get; } = incremental ? new ReachableCut() : null;

    public LayoutSet From(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, IEnumerable<CType> roots, LayoutSetMemory? memory)
    {
        var rootArray = roots as CType[] ?? [.. roots];
        if (_known.TryGetValue(all, out var entry) && ReferenceEquals(entry.Names, names) && SameRoots(entry.Roots, rootArray)) return entry.Reachable;
        var reachable = Cut is { } cut ? cut.From(all, table, names, rootArray) : ReachableTypes.From(all, table, names, rootArray, memory);
        _known.AddOrUpdate(all, new Entry(names, rootArray, reachable));
        return reachable;
    }

    private static bool SameRoots(CType[] then, CType[] now)
    {
        if (then.Length != now.Length) return false;
        for (var i = 0; i < then.Length; i++)
        {
            if (!ReferenceEquals(then[i], now[i]) && !then[i].Equals(now[i])) return false;
        }
        return true;
    }
}
