using LayoutExpert.Semantics.Trees;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Cuts the items of a bind into runs kept as <see cref="ItemBlock"/>s: the
/// nodes of consecutive items, where each was, and the record each used. The
/// block's body (its reads and effects merged, <see cref="BlockMerger"/>) is
/// made from those records later, when a bind first needs it, or at the end of
/// a bind that replayed few items in blocks (see <see cref="BindingReuse"/>).
/// <para>
/// One rule keeps a block's reads checkable before its first item and is
/// decided here, since it cuts runs: a layout answer is a function of the
/// definitions bound, so a layout read may not follow a definition the block
/// added; such an item starts a new block (<see cref="TryAdd"/> is false). (An
/// item whose definition the store refused is in no block: the binder ends
/// the run before it.)
/// </para>
/// </summary>
internal sealed class BlockBuilder
{
    private readonly List<object?> _greens = [];
    private readonly List<int> _offsets = [];
    private readonly List<ItemRecord> _records = [];
    private bool _addedDefinition;
    private int _position;

    public int Count => _greens.Count;

    public void Clear()
    {
        _greens.Clear();
        _offsets.Clear();
        _records.Clear();
        _addedDefinition = false;
    }

    /// <summary>Adds the next item and the record it used; false (nothing added) when a layout read follows a definition the block added.</summary>
    public bool TryAdd(GNode node, ItemRecord record)
    {
        if (_addedDefinition && record.HasLayoutRead) return false;
        if (_greens.Count == 0) _position = node.Position;
        _greens.Add(node.Green);
        _offsets.Add(node.Position - _position);
        _records.Add(record);
        _addedDefinition |= record.AddsDefinition;
        return true;
    }

    /// <summary>The run as a block, its body not yet made.</summary>
    public ItemBlock Build() => new([.. _greens], [.. _offsets], _position, [.. _records]);
}
