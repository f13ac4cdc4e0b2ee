using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Makes the body of an <see cref="ItemBlock"/> (its reads and effects as one
/// patch) from the records its items used, in order. A read joins the block's
/// reads unless an earlier item of the block read or wrote its key (then its
/// answer is the one the block's own effects or its earlier read fixed). Keyed
/// effects (ordinary identifiers, tags, typedefs, waiting signatures,
/// locations, anchors) keep one op per key, at the place of the first write,
/// with the last value: that state is a map, so the order of writes to
/// different keys does not matter, and the order names are first declared
/// (the file scope's declared list) is the order of first writes. The list
/// effects (definitions, diagnostics, debug uses) stay in order; a clearing of
/// references already known to be empty is dropped. Every add of a definition
/// is a read that its id was free (the binder cuts a block at an item whose
/// add was refused, see <see cref="BlockBuilder"/>), and no layout read follows
/// a definition the block added (<see cref="BlockBuilder.TryAdd"/>), so every
/// read is checkable before the block's first item.
/// </summary>
internal sealed class BlockMerger
{
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
    private readonly Dictionary<int, int> _typedefOps = [];
    private readonly Dictionary<string, int> _anchorOps = new(StringComparer.Ordinal);

    private References _references;

    private enum References : byte { Unknown, Empty, Some }

    /// <summary>The reads of the block merged so far, each key once.</summary>
    public List<BindingRead> Reads => _reads;

    /// <summary>The effects of the block merged so far, each keyed piece of state once.</summary>
    public List<BindingOp> Ops => _ops;

    public void Clear()
    {
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
        _references = References.Unknown;
    }

    /// <summary>Adds the next item's record; <paramref name="shift"/> moves its offsets (in the frame of its own bind) into the block's.</summary>
    public void Add(ItemRecord record, int shift)
    {
        foreach (var read in record.Reads) AddRead(read);
        foreach (var op in record.Ops) AddOp(op, shift);
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
                Keyed(_typedefOps, op.Id, op);
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

    /// <summary>A definition added: the block reads that its id was free (unless the block read or wrote the id before).</summary>
    private void AddDefinition(bool firstUse, BindingRead free, BindingOp op)
    {
        if (firstUse) _reads.Add(free);
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
