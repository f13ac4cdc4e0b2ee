using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Record and replay of file-scope items (<see cref="BindingReuse"/>). Every
/// piece of state one item leaves for the next goes through the methods here
/// or through the file scope's observer, so that a recorded item's reads and
/// effects are all of what it did: file-scope ordinary identifiers and tags,
/// record and enum bodies, the layout engine's answers, the pack pragma,
/// function signatures waiting to be bound, typedefs, where symbols were
/// declared, diagnostics, the debug-use lists and the anchors of
/// discriminators. Positions in effects are kept absolute and moved by the
/// distance the item moved; everything else is position-free.
/// </summary>
public sealed partial class Binder
{
    private readonly ITypeLayoutQueries _engine;
    private readonly RecordingLayout _recordingLayout;
    private readonly RecordingDefinitions _recordingDefinitions;

    /// <summary>Where each global and function was declared (the offsets of the result's <see cref="SymbolLocations"/>): symbols carry none, so they compare equal wherever their items moved.</summary>
    private readonly NameSlots<int?> _locations;

    /// <summary>The recorder of the item being bound, or null.</summary>
    private ItemRecorder? _recorder;

    private ItemRecorder? _spareRecorder;

    /// <summary>Definitions the store refused (an id taken): a block is cut at such an item (see <see cref="BlockMerger"/>).</summary>
    private int _refusedAdds;

    /// <summary>
    /// Replays the block of kept items starting at <paramref name="start"/> whose
    /// nodes are these items' and whose reads all answer the same now, and
    /// returns its length; 0 when there is none. <paramref name="failed"/> is a
    /// block starting at this node that was not replayed, one of the very
    /// nodes whose reads did not all hold if there is one: its records are the
    /// first tried for its items one by one (for an item that is the node the
    /// block has there: a run holding a changed item, whose other items are
    /// mostly the same nodes, is a block of other nodes).
    /// </summary>
    private int TryReplayBlock(System.Collections.Immutable.ImmutableArray<TrimmedItem> items, int start, BindingReuse reuse, ItemBlock? next, out ItemBlock? failed, out ItemBlock? applied)
    {
        failed = null;
        applied = null;
        // The block that followed the one before last time: a flat compare of its nodes, not a lookup by node (checked as any other).
        if (next is not null && next.Matches(items, start) && BlockHolds(reuse.WithBody(next)))
        {
            ApplyBlock(next, items[start].Node.Position - next.Position);
            reuse.MetBlock(next);
            reuse.ReplayedBlock(next);
            applied = next;
            return next.Length;
        }
        if (reuse.BlocksOf(items[start].Node.Green) is not { } blocks) return 0;
        ItemBlock? unmatched = null;
        foreach (var block in blocks)
        {
            if (!block.Matches(items, start))
            {
                unmatched ??= block;
                continue;
            }
            if (!BlockHolds(reuse.WithBody(block)))
            {
                failed ??= block;
                continue;
            }
            ApplyBlock(block, items[start].Node.Position - block.Position);
            reuse.ReplayedBlock(block);
            applied = block;
            return block.Length;
        }
        failed ??= unmatched;
        return 0;
    }

    private bool BlockHolds(ItemBlock block)
    {
        var ids = block.ReadIds;
        var symbols = block.ReadSymbols;
        for (var k = 0; k < ids.Length; k++)
        {
            if (!Same(_file.OrdinaryAt(ids[k]), symbols[k])) return false;
        }
        ids = block.TagReadIds;
        symbols = block.TagReadSymbols;
        for (var k = 0; k < ids.Length; k++)
        {
            if (!Same(_file.TagAt(ids[k]), symbols[k])) return false;
        }
        return AllHold(block.Reads);
    }

    /// <summary>A block's effects: those by name number kind by kind, then the others in order (see <see cref="ItemBlock"/>).</summary>
    private void ApplyBlock(ItemBlock block, int delta)
    {
        var ids = block.DeclaredIds;
        var symbols = block.DeclaredSymbols;
        // The section's kind fixes the objects' type (see Apply).
        for (var k = 0; k < ids.Length; k++) _file.DeclareOrdinaryAt(ids[k], Unsafe.As<OrdinarySymbol>(symbols[k]!));
        ids = block.TaggedIds;
        symbols = block.TaggedSymbols;
        for (var k = 0; k < ids.Length; k++) _file.DeclareTagAt(ids[k], Unsafe.As<TagSymbol>(symbols[k]!));
        ids = block.LocatedIds;
        var offsets = block.LocatedOffsets;
        for (var k = 0; k < ids.Length; k++) _locations.Set(ids[k], offsets[k] + delta);
        ids = block.WaitingIds;
        var sites = block.WaitingSites;
        var moves = block.WaitingMoves;
        for (var k = 0; k < ids.Length; k++)
        {
            _unboundSites.Set(ids[k], sites[k]);
            _unboundMoves.Set(ids[k], delta + moves[k]);
        }
        Apply(block.Ops, delta);
    }

    /// <summary>Replays a record of the item whose reads all answer the same now (<paramref name="first"/> tried first); null when there is none.</summary>
    private ItemRecord? TryReplay(TrimmedItem item, BindingReuse reuse, ItemRecord? first)
    {
        var node = item.Node;
        if (first is not null && AllHold(first.Reads))
        {
            Apply(first.Ops, node.Position - first.Position);
            reuse.Replayed();
            return first;
        }
        // A list, not an interface: enumerating one allocates nothing, and this runs for every item.
        if (reuse.RecordsOf(node.Green) is not { } records) return null;
        foreach (var record in records)
        {
            if (record == first || !AllHold(record.Reads)) continue;
            Apply(record.Ops, node.Position - record.Position);
            reuse.Replayed();
            return record;
        }
        return null;
    }

    /// <summary>Binds an item afresh, recording it unless it did something a record cannot reproduce; the record, or null.</summary>
    private ItemRecord? BindRecorded(TrimmedItem item, BindingReuse reuse)
    {
        if (item.Kind == TrimmedKind.Pragma)
        {
            // A pack pragma changes state replaying could not check cheaply; binding it costs nothing.
            BindItem(item);
            reuse.NotRecorded("a pragma");
            return null;
        }
        var node = item.Node;
        var recorder = _spareRecorder ?? new ItemRecorder(reuse.Definitions);
        _spareRecorder = null;
        recorder.Begin(node.Position, node.Position + node.Green.FullWidth);
        _recorder = recorder;
        _file.Observer = recorder;
        try
        {
            BindItem(item);
        }
        finally
        {
            _recorder = null;
            _file.Observer = null;
            _spareRecorder = recorder;
        }
        if (recorder.NotReplayable is { } reason)
        {
            reuse.NotRecorded(reason);
            return null;
        }
        var record = new ItemRecord(node.Green, node.Position, [.. recorder.Reads], [.. recorder.Ops]);
        reuse.Add(record);
        return record;
    }

    private bool AllHold(BindingRead[] reads)
    {
        foreach (var read in reads)
        {
            if (!Holds(read)) return false;
        }
        return true;
    }

    /// <summary>Whether a recorded read answers the same in the state now (the file scope is not observed here).</summary>
    private bool Holds(in BindingRead read) => read.Kind switch
    {
        ReadKind.Ordinary => Same(_file.OrdinaryAt(read.Id), read.Value),
        ReadKind.Tag => Same(_file.TagAt(read.Id), read.Value),
        // By the id's number (records are made only with reuse, whose store keeps bodies by number).
        ReadKind.Record => Same(_store.RecordAt(read.Id), read.Value),
        ReadKind.Enum => Same(_store.EnumAt(read.Id), read.Value),
        ReadKind.SizeOf => _engine.SizeOf((CType)read.Key!).Equals((LayoutResult<long>)read.Value!),
        ReadKind.AlignOf => _engine.AlignOf((CType)read.Key!).Equals((LayoutResult<long>)read.Value!),
        ReadKind.OffsetOf => _engine.OffsetOf((CType)read.Key!, read.Designator).Equals((LayoutResult<long>)read.Value!),
        ReadKind.ScalarOf => _engine.ScalarOf((CType)read.Key!).Equals((LayoutResult<ScalarKind>)read.Value!),
        ReadKind.Pack => _pack.Current == (int?)read.Value,
        ReadKind.Unbound => _unboundSites[read.Id] is not null == (bool)read.Value!,
        ReadKind.Anchor => _anchorCounts.GetValueOrDefault((string)read.Key!) == (int)read.Value!,
        _ => false,
    };

    private static bool Same(object? now, object? recorded) => ReferenceEquals(now, recorded) || (now is not null && now.Equals(recorded));

    /// <summary>
    /// Applies a record's (or a block's) effects in order, positions moved by
    /// <paramref name="delta"/>. The op's kind fixes its operands' types, so
    /// they are not cast (a checked cast reads each object, spread over the heap).
    /// </summary>
    private void Apply(BindingOp[] ops, int delta)
    {
        foreach (var op in ops)
        {
            switch (op.Kind)
            {
                case OpKind.DeclareOrdinary: _file.DeclareOrdinaryAt(op.Id, Unsafe.As<OrdinarySymbol>(op.A!)); break;
                case OpKind.DeclareTag: _file.DeclareTagAt(op.Id, Unsafe.As<TagSymbol>(op.A!)); break;
                case OpKind.AddRecord:
                    if (!_store.Add(Unsafe.As<RecordDefinition>(op.A!), op.Flag, op.Id)) _refusedAdds++;
                    break;
                case OpKind.AddEnum:
                    if (!_store.Add(Unsafe.As<EnumDefinition>(op.A!), op.Flag, op.Id)) _refusedAdds++;
                    break;
                case OpKind.Typedef: SetTypedefAt(op.Id, Unsafe.As<TypedefType>(op.B!)); break;
                case OpKind.SetUnbound:
                    // A block keeps in the offset how far the op's item had moved within the block's frame (0 in an item's record).
                    _unboundSites.Set(op.Id, op.A);
                    _unboundMoves.Set(op.Id, delta + op.Offset);
                    break;
                case OpKind.RemoveUnbound: _unboundSites.Set(op.Id, null); break;
                case OpKind.SetLocation: _locations.Set(op.Id, op.Offset + delta); break;
                case OpKind.Report: AddDiagnostic((DiagnosticDescriptor)op.A!, (string)op.B!, op.Offset + delta); break;
                case OpKind.PendingType: AddPendingType((CType)op.A!); break;
                case OpKind.AddReference: AddReference((string)op.A!); break;
                case OpKind.ClearReferences: ClearReferences(); break;
                case OpKind.DefineObject: DefineObject(op.Id, Unsafe.As<string>(op.A!), op.Flag); break;
                case OpKind.DefineFunction:
                    DefineFunction(op.Id, op.Flag, op.B is null ? default : new GNode(Unsafe.As<Syntax.Green.GreenNode>(op.B), op.Offset + delta));
                    break;
                case OpKind.SetAnchor: _anchorCounts[(string)op.A!] = op.Offset; break;
            }
        }
    }

    // The state the binder's other parts change or read through these, so a recorder sees it.

    private bool IsUnbound(string name)
    {
        var id = _names.Id(name);
        var unbound = _unboundSites[id] is not null;
        _recorder?.ReadUnbound(id, unbound);
        return unbound;
    }

    private void SetUnbound(string name, FunctionDeclaratorSite site)
    {
        var id = _names.Id(name);
        object box = site;
        _unboundSites.Set(id, box);
        _unboundMoves.Set(id, 0);
        _recorder?.WroteUnbound(id, box);
    }

    /// <summary>The site of a function waiting to be bound, where its item is now.</summary>
    private FunctionDeclaratorSite UnboundSite(string name)
    {
        var id = _names.Id(name);
        return ((FunctionDeclaratorSite)_unboundSites[id]!).Moved(_unboundMoves[id]);
    }

    private void RemoveUnbound(string name)
    {
        // Only a name that waits changes anything; a recorder hears the read either way.
        if (!IsUnbound(name)) return;
        var id = _names.Id(name);
        _unboundSites.Set(id, null);
        _recorder?.WroteUnbound(id, null);
    }

    private void SetTypedef(string name, TypedefType typedef)
    {
        var id = _names.Id(name);
        SetTypedefAt(id, typedef);
        _recorder?.Op(new BindingOp(OpKind.Typedef, name, typedef, Id: id));
    }

    private void SetTypedefAt(int id, TypedefType typedef)
    {
        if (_typedefs[id] is null) _typedefIds.Add(id);
        _typedefs.Set(id, typedef);
    }

    private void SetLocation(string name, int offset)
    {
        var id = _names.Id(name);
        _locations.Set(id, offset);
        _recorder?.Op(new BindingOp(OpKind.SetLocation, Offset: offset, Id: id));
    }

    private void AddDefinition(RecordDefinition definition)
    {
        var fileScope = _scope.IsFile;
        if (!_store.Add(definition, fileScope)) _refusedAdds++;
        _recorder?.AddedRecord(definition, fileScope);
    }

    private void AddDefinition(EnumDefinition definition)
    {
        var fileScope = _scope.IsFile;
        if (!_store.Add(definition, fileScope)) _refusedAdds++;
        _recorder?.AddedEnum(definition, fileScope);
    }

    private int? PackInForce()
    {
        var current = _pack.Current;
        _recorder?.ReadPack(current);
        return current;
    }

    private int ReadAnchorCount(string name)
    {
        var count = _anchorCounts.GetValueOrDefault(name);
        _recorder?.ReadAnchor(name, count);
        return count;
    }

    private void WriteAnchorCount(string name, int count)
    {
        _anchorCounts[name] = count;
        _recorder?.WroteAnchor(name, count);
    }

    /// <summary>Whether a type names a record or enum anywhere: only then can a layout answer about it depend on definitions.</summary>
    private static bool NamesDefinitions(CType type, int depth = 0)
    {
        if (depth > 200) return true;
        return type switch
        {
            ScalarType or VoidType => false,
            PointerType p => NamesDefinitions(p.Target, depth + 1),
            ArrayType a => NamesDefinitions(a.Element, depth + 1),
            QualifiedType q => NamesDefinitions(q.Unqualified, depth + 1),
            TypedefType t => NamesDefinitions(t.Target, depth + 1),
            VectorType v => NamesDefinitions(v.Element, depth + 1),
            ModeType m => NamesDefinitions(m.Base, depth + 1),
            FunctionType f => NamesDefinitions(f.Return, depth + 1) || f.Parameters.Any(p => NamesDefinitions(p, depth + 1)),
            _ => true,
        };
    }

    /// <summary>The layout engine seen by a recorded item: answers about types naming definitions are recorded.</summary>
    private sealed class RecordingLayout(Binder binder) : ITypeLayoutQueries
    {
        public LayoutResult<long> SizeOf(CType type) => Heard(ReadKind.SizeOf, type, binder._engine.SizeOf(type));

        public LayoutResult<long> AlignOf(CType type) => Heard(ReadKind.AlignOf, type, binder._engine.AlignOf(type));

        public LayoutResult<long> OffsetOf(CType type, ImmutableArray<Designator> designator) =>
            Heard(ReadKind.OffsetOf, type, binder._engine.OffsetOf(type, designator), designator);

        public LayoutResult<ScalarKind> ScalarOf(CType type) => Heard(ReadKind.ScalarOf, type, binder._engine.ScalarOf(type));

        private LayoutResult<T> Heard<T>(ReadKind kind, CType type, LayoutResult<T> result, ImmutableArray<Designator> designator = default)
        {
            if (binder._recorder is { } recorder && NamesDefinitions(type)) recorder.ReadLayout(kind, type, result, designator);
            return result;
        }
    }

    /// <summary>The definitions seen by a recorded item: what it finds (or does not) is recorded.</summary>
    private sealed class RecordingDefinitions(Binder binder) : ITypeDefinitions
    {
        public RecordDefinition? FindRecord(RecordId id)
        {
            var definition = binder._store.FindRecord(id);
            binder._recorder?.ReadRecord(id, definition);
            return definition;
        }

        public EnumDefinition? FindEnum(EnumId id)
        {
            var definition = binder._store.FindEnum(id);
            binder._recorder?.ReadEnum(id, definition);
            return definition;
        }
    }
}
