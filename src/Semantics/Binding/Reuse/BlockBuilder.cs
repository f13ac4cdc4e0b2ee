using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Makes an <see cref="ItemBlock"/> from the records consecutive items used,
/// in order. A read joins the block's reads unless an earlier item of the
/// block read or wrote its key (then its answer is the one the block's own
/// effects or its earlier read fixed). Keyed effects (ordinary identifiers,
/// tags, typedefs, waiting signatures, locations, anchors) keep one op per
/// key, at the place of the first write, with the last value: that state is a
/// map, so the order of writes to different keys does not matter, and the
/// order names are first declared (the file scope's declared list) is the
/// order of first writes. The list effects (definitions, diagnostics,
/// debug uses) stay in order; a clearing of references already known to be
/// empty is dropped.
/// <para>
/// Two rules keep the block's reads checkable before its first item. A
/// layout answer is a function of the definitions bound, so a layout read
/// may not follow a definition the block added: such an item starts a new
/// block (<see cref="TryAdd"/> is false). A definition whose id was taken is
/// not added (the store keeps the first), so the binder cuts a block at an
/// item whose add was refused, and every add of a block is a read that the id
/// was free.
/// </para>
/// </summary>
internal sealed class BlockBuilder
{
    private readonly List<GreenNode> _greens = [];
    private readonly List<int> _offsets = [];
    private readonly List<ItemRecord> _records = [];
    private readonly List<BindingRead> _reads = [];
    private readonly List<BindingOp> _ops = [];

    // Keys read or written by the block so far.
    private readonly HashSet<int> _ordinary = [];
    private readonly HashSet<int> _unbound = [];
    private readonly HashSet<int> _tags = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private readonly HashSet<RecordId> _recordIds = [];
    private readonly HashSet<EnumId> _enumIds = [];
    private bool _packRead;

    // Where the op of each keyed piece of state is in _ops.
    private readonly Dictionary<int, int> _ordinaryOps = [];
    private readonly Dictionary<int, int> _unboundOps = [];
    private readonly Dictionary<int, int> _locationOps = [];
    private readonly Dictionary<int, int> _tagOps = [];
    private readonly Dictionary<string, int> _typedefOps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _anchorOps = new(StringComparer.Ordinal);

    private bool _addedDefinition;
    private References _references;
    private int _position;

    private enum References : byte { Unknown, Empty, Some }

    public int Count => _greens.Count;

    public void Clear()
    {
        _greens.Clear();
        _offsets.Clear();
        _records.Clear();
        _reads.Clear();
        _ops.Clear();
        _ordinary.Clear();
        _unbound.Clear();
        _tags.Clear();
        _anchors.Clear();
        _recordIds.Clear();
        _enumIds.Clear();
        _packRead = false;
        _ordinaryOps.Clear();
        _unboundOps.Clear();
        _locationOps.Clear();
        _tagOps.Clear();
        _typedefOps.Clear();
        _anchorOps.Clear();
        _addedDefinition = false;
        _references = References.Unknown;
    }

    /// <summary>Adds the next item and the record it used; false (nothing added) when a layout read follows a definition the block added.</summary>
    public bool TryAdd(GNode node, ItemRecord record)
    {
        if (_addedDefinition && HasLayoutRead(record)) return false;
        if (_greens.Count == 0) _position = node.Position;
        _greens.Add(node.Green);
        _offsets.Add(node.Position - _position);
        _records.Add(record);
        foreach (var read in record.Reads) AddRead(read);
        // The record's offsets are in the frame of its own bind: moved into this block's.
        var shift = node.Position - record.Position;
        foreach (var op in record.Ops) AddOp(op, shift);
        return true;
    }

    public ItemBlock Build() => new([.. _greens], [.. _offsets], _position, _reads, _ops, [.. _records]);

    private static bool HasLayoutRead(ItemRecord record)
    {
        foreach (var read in record.Reads)
        {
            if (read.Kind is ReadKind.SizeOf or ReadKind.AlignOf or ReadKind.OffsetOf or ReadKind.ScalarOf) return true;
        }
        return false;
    }

    private void AddRead(in BindingRead read)
    {
        var first = read.Kind switch
        {
            ReadKind.Ordinary => _ordinary.Add(read.Id),
            ReadKind.Unbound => _unbound.Add(read.Id),
            ReadKind.Tag => _tags.Add(read.Id),
            ReadKind.Anchor => _anchors.Add((string)read.Key!),
            ReadKind.Record => _recordIds.Add((RecordId)read.Key!),
            ReadKind.Enum => _enumIds.Add((EnumId)read.Key!),
            ReadKind.Pack => !_packRead && (_packRead = true),
            // Layout answers: checked before the block, which added no definition before them.
            _ => true,
        };
        if (first) _reads.Add(read);
    }

    private void AddOp(BindingOp op, int shift)
    {
        switch (op.Kind)
        {
            case OpKind.DeclareOrdinary:
                _ordinary.Add(op.Id);
                Keyed(_ordinaryOps, op.Id, op);
                break;
            case OpKind.DeclareTag:
                _tags.Add(op.Id);
                Keyed(_tagOps, op.Id, op);
                break;
            case OpKind.Typedef:
                Keyed(_typedefOps, (string)op.A!, op);
                break;
            case OpKind.SetUnbound:
                // The waiting site moves by how far its item moved: this item's shift, kept in the op's offset.
                _unbound.Add(op.Id);
                Keyed(_unboundOps, op.Id, op with { Offset = shift });
                break;
            case OpKind.RemoveUnbound:
                _unbound.Add(op.Id);
                Keyed(_unboundOps, op.Id, op);
                break;
            case OpKind.SetLocation:
                Keyed(_locationOps, op.Id, op with { Offset = op.Offset + shift });
                break;
            case OpKind.SetAnchor:
                _anchors.Add((string)op.A!);
                Keyed(_anchorOps, (string)op.A!, op);
                break;
            case OpKind.AddRecord:
                AddDefinition(_recordIds.Add(((RecordDefinition)op.A!).Id), new BindingRead(ReadKind.Record, ((RecordDefinition)op.A!).Id, null, Id: op.Id), op);
                break;
            case OpKind.AddEnum:
                AddDefinition(_enumIds.Add(((EnumDefinition)op.A!).Id), new BindingRead(ReadKind.Enum, ((EnumDefinition)op.A!).Id, null, Id: op.Id), op);
                break;
            case OpKind.ClearReferences:
                if (_references == References.Empty) break;
                _references = References.Empty;
                _ops.Add(op);
                break;
            case OpKind.AddReference:
                _references = References.Some;
                _ops.Add(op);
                break;
            case OpKind.DefineObject:
                _references = References.Empty;
                _ops.Add(op);
                break;
            case OpKind.DefineFunction:
                _references = References.Empty;
                _ops.Add(op with { Offset = op.Offset + shift });
                break;
            case OpKind.Report:
                _ops.Add(op with { Offset = op.Offset + shift });
                break;
            default:
                _ops.Add(op);
                break;
        }
    }

    /// <summary>A definition added: the block reads that its id was free (unless the block read or wrote the id before), and later layout reads start a new block.</summary>
    private void AddDefinition(bool firstUse, BindingRead free, BindingOp op)
    {
        if (firstUse) _reads.Add(free);
        _addedDefinition = true;
        _ops.Add(op);
    }

    private void Keyed<TKey>(Dictionary<TKey, int> at, TKey key, BindingOp op)
        where TKey : notnull
    {
        if (at.TryGetValue(key, out var index)) _ops[index] = op;
        else
        {
            at[key] = _ops.Count;
            _ops.Add(op);
        }
    }
}
