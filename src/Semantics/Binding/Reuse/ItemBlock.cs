using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// A run of consecutive file-scope items bound (or replayed) in one bind, as
/// one record: their nodes and where each was relative to the first, the
/// reads the run made of state from before it (a key an earlier item of the
/// run read or wrote is decided inside the run), and its effects as one
/// patch (each keyed piece of state written once, with its last value, in the
/// order first written; the list effects in order). A later bind meeting the
/// same nodes, equally spaced, whose state answers the run's reads the same,
/// ends the run in the state the items would have left one by one: each
/// item's record's reads are then either the run's reads or written by an
/// earlier item of the run with the same effects (see <see cref="BlockBuilder"/>).
/// </summary>
internal sealed class ItemBlock(GreenNode[] greens, int[] offsets, int position, BindingRead[] reads, BindingOp[] ops, ItemRecord[] records)
{
    public GreenNode[] Greens { get; } = greens;

    /// <summary>Each item's position minus the first's.</summary>
    public int[] Offsets { get; } = offsets;

    /// <summary>The first item's position in the bind the block was made in (the frame of the ops' offsets).</summary>
    public int Position { get; } = position;

    public BindingRead[] Reads { get; } = reads;

    public BindingOp[] Ops { get; } = ops;

    /// <summary>The items' records, tried first for each item when the block's reads do not all hold.</summary>
    public ItemRecord[] Records { get; } = records;

    public int Length => Greens.Length;

    /// <summary>Whether the items from <paramref name="start"/> are the block's nodes, spaced as they were (a reference and an int compare per item).</summary>
    public bool Matches(System.Collections.Immutable.ImmutableArray<TrimmedItem> items, int start)
    {
        if (start + Greens.Length > items.Length) return false;
        var first = items[start].Node.Position;
        for (var k = 0; k < Greens.Length; k++)
        {
            var node = items[start + k].Node;
            if (!ReferenceEquals(node.Green, Greens[k]) || node.Position - first != Offsets[k]) return false;
        }
        return true;
    }

    /// <summary>
    /// Where runs end, a function of the node alone (about one node in
    /// <paramref name="mask"/> + 1), so that two binds cut the same stretch of
    /// unchanged items the same way, whatever changed before it: runs resume
    /// right after a changed item's run. (The object's identity hash: a node
    /// is one object for as long as the parser hands it back.)
    /// </summary>
    public static bool EndsRun(GreenNode green, int mask) => (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(green) & mask) == mask;
}
