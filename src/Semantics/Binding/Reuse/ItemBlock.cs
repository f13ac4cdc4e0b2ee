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
internal sealed class ItemBlock
{
    public ItemBlock(GreenNode[] greens, int[] offsets, int position, List<BindingRead> reads, List<BindingOp> ops, ItemRecord[] records)
    {
        Greens = greens;
        Offsets = offsets;
        Position = position;
        Records = records;
        // The effects on state kept by name number, apart, as arrays walked in tight loops (they are most of a
        // block's): each piece of state is independent of the others, so applying them kind by kind, each in
        // its order, leaves what applying them all in order does.
        var declared = new List<int>();
        var symbols = new List<OrdinarySymbol>();
        var located = new List<int>();
        var offsetsAt = new List<int>();
        var waiting = new List<int>();
        var sites = new List<object?>();
        var moves = new List<int>();
        var rest = new List<BindingOp>();
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.DeclareOrdinary:
                    declared.Add(op.Id);
                    symbols.Add((OrdinarySymbol)op.A!);
                    break;
                case OpKind.SetLocation:
                    located.Add(op.Id);
                    offsetsAt.Add(op.Offset);
                    break;
                case OpKind.SetUnbound or OpKind.RemoveUnbound:
                    waiting.Add(op.Id);
                    sites.Add(op.Kind == OpKind.SetUnbound ? op.A : null);
                    moves.Add(op.Offset);
                    break;
                default:
                    rest.Add(op);
                    break;
            }
        }
        (DeclaredIds, DeclaredSymbols, LocatedIds, LocatedOffsets) = ([.. declared], [.. symbols], [.. located], [.. offsetsAt]);
        (WaitingIds, WaitingSites, WaitingMoves, Ops) = ([.. waiting], [.. sites], [.. moves], [.. rest]);
        var readIds = new List<int>();
        var readSymbols = new List<OrdinarySymbol?>();
        var otherReads = new List<BindingRead>();
        foreach (var read in reads)
        {
            if (read.Kind != ReadKind.Ordinary) otherReads.Add(read);
            else
            {
                readIds.Add(read.Id);
                readSymbols.Add((OrdinarySymbol?)read.Value);
            }
        }
        (ReadIds, ReadSymbols, Reads) = ([.. readIds], [.. readSymbols], [.. otherReads]);
    }

    public GreenNode[] Greens { get; }

    /// <summary>Each item's position minus the first's.</summary>
    public int[] Offsets { get; }

    /// <summary>The first item's position in the bind the block was made in (the frame of the ops' offsets).</summary>
    public int Position { get; }

    /// <summary>The file-scope ordinary identifiers read (by name number) and what each was.</summary>
    public int[] ReadIds { get; }

    public OrdinarySymbol?[] ReadSymbols { get; }

    /// <summary>The other reads.</summary>
    public BindingRead[] Reads { get; }

    /// <summary>File-scope ordinary identifiers declared, in the order first declared, each with its last symbol.</summary>
    public int[] DeclaredIds { get; }

    public OrdinarySymbol[] DeclaredSymbols { get; }

    /// <summary>Where globals and functions were declared: name numbers and offsets (in the block's frame).</summary>
    public int[] LocatedIds { get; }

    public int[] LocatedOffsets { get; }

    /// <summary>Function signatures set waiting (a site) or bound (null), with how far each op's item had moved within the block's frame.</summary>
    public int[] WaitingIds { get; }

    public object?[] WaitingSites { get; }

    public int[] WaitingMoves { get; }

    /// <summary>The other effects, in order.</summary>
    public BindingOp[] Ops { get; }

    /// <summary>The items' records, tried first for each item when the block's reads do not all hold.</summary>
    public ItemRecord[] Records { get; }

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
