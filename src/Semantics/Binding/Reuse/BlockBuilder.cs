using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    // Arrays written through references (see Put), not lists: a list's array store checks the value's type,
    // reading each node and record object (spread over the heap; the binder never reads a replayed item's node).
    private object?[] _greens = new object?[64];
    private int[] _offsets = new int[64];
    private ItemRecord[] _records = new ItemRecord[64];
    private bool _addedDefinition;
    private int _position;

    public int Count { get; private set; }

    public void Clear()
    {
        Array.Clear(_greens, 0, Count);
        Array.Clear(_records, 0, Count);
        Count = 0;
        _addedDefinition = false;
    }

    /// <summary>Adds the next item and the record it used; false (nothing added) when a layout read follows a definition the block added.</summary>
    public bool TryAdd(GNode node, ItemRecord record)
    {
        if (_addedDefinition && record.HasLayoutRead) return false;
        if (Count == 0) _position = node.Position;
        if (Count == _greens.Length)
        {
            Array.Resize(ref _greens, Count * 2);
            Array.Resize(ref _offsets, Count * 2);
            Array.Resize(ref _records, Count * 2);
        }
        Put(_greens, Count, node.Green);
        _offsets[Count] = node.Position - _position;
        Put(_records, Count, record);
        Count++;
        _addedDefinition |= record.AddsDefinition;
        return true;
    }

    /// <summary>The run as a block, its body not yet made.</summary>
    public ItemBlock Build() => new(_greens.AsSpan(0, Count).ToArray(), _offsets.AsSpan(0, Count).ToArray(), _position, _records.AsSpan(0, Count).ToArray());

    /// <summary>Stores through a reference: the value is of the array's element type by construction.</summary>
    private static void Put<T>(T[] array, int index, T value)
        where T : class? =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(array), index) = value;
}
