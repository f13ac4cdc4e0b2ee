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
/// earlier item of the run with the same effects (see <see cref="BlockMerger"/>).
/// </summary>
internal sealed class ItemBlock
{
    // A block is checked and applied as a few flat arrays read front to back (a first visit meets ~600 blocks
    // spread over the heap, so each array is a cache miss): every int in one, every object in another, in
    // sections whose ends are kept below. Ints: the items' offsets, the ordinary names and tags read, the
    // ordinary names and tags declared, the names located and their offsets, the signatures waiting and their
    // moves. Objects: the items' nodes, the symbols and tags read, the symbols and tags declared, the sites.
    // Until the body is made, the arrays hold the offsets and the nodes alone.
    private int[] _ints;
    private object?[] _refs;
    private int _readIds, _tagReadIds, _declaredIds, _taggedIds, _locatedIds, _locatedOffsets, _waitingIds;
    private int _readSymbols, _tagReadSymbols, _declaredSymbols, _taggedSymbols;
    private BindingRead[] _reads = [];
    private BindingOp[] _ops = [];

    /// <summary>A run of items: their nodes, each one's position minus the first's, the first's position, and the record each used. The body is made by <see cref="MakeBody"/>.</summary>
    public ItemBlock(object?[] greens, int[] offsets, int position, ItemRecord[] records)
    {
        Length = greens.Length;
        Position = position;
        Records = records;
        _ints = offsets;
        _refs = greens;
    }

    /// <summary>Whether the reads and effects are made (<see cref="MakeBody"/>); until then only the nodes, offsets and records are.</summary>
    public bool HasBody { get; private set; }

    /// <summary>
    /// Makes the reads and effects from the items' records, once. A block's body
    /// is a function of its records alone, so when it is made does not change
    /// what replaying the block does.
    /// </summary>
    public void MakeBody(BlockMerger merger)
    {
        if (HasBody) return;
        merger.Clear();
        var offsets = Offsets;
        for (var k = 0; k < Records.Length; k++)
        {
            var record = Records[k];
            // The record's offsets are in the frame of its own bind: moved into this block's.
            merger.Add(record, Position + offsets[k] - record.Position);
        }
        var reads = merger.Reads;
        var ops = merger.Ops;
        // The effects on state kept by number are most of a block's, apart: each piece of state is independent
        // of the others, so applying them kind by kind, each in its order, leaves what applying them all in
        // order does.
        var declared = new List<(int, object?)>();
        var tagged = new List<(int, object?)>();
        var located = new List<(int, int)>();
        var waiting = new List<(int Id, object? Site, int Move)>();
        var rest = new List<BindingOp>();
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.DeclareOrdinary: declared.Add((op.Id, op.A)); break;
                case OpKind.DeclareTag: tagged.Add((op.Id, op.A)); break;
                case OpKind.SetLocation: located.Add((op.Id, op.Offset)); break;
                case OpKind.SetUnbound or OpKind.RemoveUnbound: waiting.Add((op.Id, op.Kind == OpKind.SetUnbound ? op.A : null, op.Offset)); break;
                default: rest.Add(op); break;
            }
        }
        _ops = [.. rest];
        var ordinaryReads = new List<(int, object?)>();
        var tagReads = new List<(int, object?)>();
        var otherReads = new List<BindingRead>();
        foreach (var read in reads)
        {
            switch (read.Kind)
            {
                case ReadKind.Ordinary: ordinaryReads.Add((read.Id, read.Value)); break;
                case ReadKind.Tag: tagReads.Add((read.Id, read.Value)); break;
                default: otherReads.Add(read); break;
            }
        }
        _reads = [.. otherReads];
        var ints = new List<int>(offsets.ToArray());
        var refs = new List<object?>(Greens.ToArray());
        _readIds = Section(ordinaryReads, ints, refs, out _readSymbols);
        _tagReadIds = Section(tagReads, ints, refs, out _tagReadSymbols);
        _declaredIds = Section(declared, ints, refs, out _declaredSymbols);
        _taggedIds = Section(tagged, ints, refs, out _taggedSymbols);
        foreach (var (id, _) in located) ints.Add(id);
        _locatedIds = ints.Count;
        foreach (var (_, offset) in located) ints.Add(offset);
        _locatedOffsets = ints.Count;
        foreach (var w in waiting) ints.Add(w.Id);
        _waitingIds = ints.Count;
        foreach (var w in waiting)
        {
            ints.Add(w.Move);
            refs.Add(w.Site);
        }
        _ints = [.. ints];
        _refs = [.. refs];
        HasBody = true;
    }

    /// <summary>Appends numbers and their values as sections; the ends of both.</summary>
    private static int Section(List<(int Id, object? Value)> entries, List<int> ints, List<object?> refs, out int refsEnd)
    {
        foreach (var (id, value) in entries)
        {
            ints.Add(id);
            refs.Add(value);
        }
        refsEnd = refs.Count;
        return ints.Count;
    }

    /// <summary>The first item's position in the bind the block was made in (the frame of the ops' offsets).</summary>
    public int Position { get; }

    public int Length { get; }

    /// <summary>Each item's position minus the first's.</summary>
    public ReadOnlySpan<int> Offsets => _ints.AsSpan(0, Length);

    public ReadOnlySpan<object?> Greens => _refs.AsSpan(0, Length);

    /// <summary>The first item's node, which the block is kept by.</summary>
    public GreenNode First => (GreenNode)_refs[0]!;

    /// <summary>
    /// A hint: the block that followed this one in the last bind that replayed
    /// or made it (items from right after its last). A first visit replays
    /// ~600 blocks mostly one after another; trying the next first saves a
    /// lookup by node (cache misses). Only a hint: it is checked as any block is.
    /// </summary>
    public ItemBlock? Next { get; set; }

    /// <summary>The entry of <see cref="BindingReuse"/> holding this block (aged when the block is met through <see cref="Next"/>).</summary>
    internal BindingReuse.BlockEntry? Owner { get; set; }

    /// <summary>The file-scope ordinary identifiers read (by name number) and what each was (an <see cref="OrdinarySymbol"/> or null).</summary>
    public ReadOnlySpan<int> ReadIds => _ints.AsSpan(Length, _readIds - Length);

    public ReadOnlySpan<object?> ReadSymbols => _refs.AsSpan(Length, _readSymbols - Length);

    /// <summary>The file-scope tags read (by the number of their spelling) and what each was (a <see cref="TagSymbol"/> or null).</summary>
    public ReadOnlySpan<int> TagReadIds => _ints.AsSpan(_readIds, _tagReadIds - _readIds);

    public ReadOnlySpan<object?> TagReadSymbols => _refs.AsSpan(_readSymbols, _tagReadSymbols - _readSymbols);

    /// <summary>The other reads.</summary>
    public BindingRead[] Reads => _reads;

    /// <summary>File-scope ordinary identifiers declared, in the order first declared, each with its last symbol.</summary>
    public ReadOnlySpan<int> DeclaredIds => _ints.AsSpan(_tagReadIds, _declaredIds - _tagReadIds);

    public ReadOnlySpan<object?> DeclaredSymbols => _refs.AsSpan(_tagReadSymbols, _declaredSymbols - _tagReadSymbols);

    /// <summary>File-scope tags declared, each with its last <see cref="TagSymbol"/>.</summary>
    public ReadOnlySpan<int> TaggedIds => _ints.AsSpan(_declaredIds, _taggedIds - _declaredIds);

    public ReadOnlySpan<object?> TaggedSymbols => _refs.AsSpan(_declaredSymbols, _taggedSymbols - _declaredSymbols);

    /// <summary>Where globals and functions were declared: name numbers and offsets (in the block's frame).</summary>
    public ReadOnlySpan<int> LocatedIds => _ints.AsSpan(_taggedIds, _locatedIds - _taggedIds);

    public ReadOnlySpan<int> LocatedOffsets => _ints.AsSpan(_locatedIds, _locatedOffsets - _locatedIds);

    /// <summary>Function signatures set waiting (a site) or bound (null), with how far each op's item had moved within the block's frame.</summary>
    public ReadOnlySpan<int> WaitingIds => _ints.AsSpan(_locatedOffsets, _waitingIds - _locatedOffsets);

    public ReadOnlySpan<int> WaitingMoves => _ints.AsSpan(_waitingIds);

    public ReadOnlySpan<object?> WaitingSites => _refs.AsSpan(_taggedSymbols);

    /// <summary>The other effects, in order.</summary>
    public BindingOp[] Ops => _ops;

    /// <summary>The items' records, tried first for each item when the block's reads do not all hold.</summary>
    public ItemRecord[] Records { get; }

    /// <summary>Whether the items from <paramref name="start"/> are the block's nodes, spaced as they were (a reference and an int compare per item).</summary>
    public bool Matches(System.Collections.Immutable.ImmutableArray<TrimmedItem> items, int start)
    {
        if (start + Length > items.Length) return false;
        var first = items[start].Node.Position;
        var greens = Greens;
        var offsets = Offsets;
        for (var k = 0; k < greens.Length; k++)
        {
            var node = items[start + k].Node;
            if (!ReferenceEquals(node.Green, greens[k]) || node.Position - first != offsets[k]) return false;
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
