using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Semantics.Binding;

/// <summary>The file scope reports its lookups and declarations to the recorder of the item being bound.</summary>
internal interface IFileScopeObserver
{
    /// <summary>A lookup of a file-scope ordinary identifier, by name number (see <see cref="NameTable"/>).</summary>
    void ReadOrdinary(int id, OrdinarySymbol? symbol);

    void WroteOrdinary(int id, OrdinarySymbol symbol);

    /// <summary>A lookup of a file-scope tag, by the number of its spelling.</summary>
    void ReadTag(int id, TagSymbol? symbol);

    void WroteTag(int id, TagSymbol symbol);
}

/// <summary>
/// Records one file-scope item while the binder binds it: every read of state
/// that earlier items made (a read of something the item itself wrote first
/// is decided by the item, so it is not recorded; each key is recorded once,
/// at its first read), and every effect, in order. An item that does
/// something a record cannot reproduce (a pack pragma, binding another
/// item's function signature, a diagnostic outside its own text, a layout
/// query made after it added a definition) is marked not replayable.
/// </summary>
internal sealed class ItemRecorder(DefinitionNumbers numbers) : IFileScopeObserver
{
    private readonly HashSet<int> _ordinary = [];
    private readonly HashSet<int> _tags = [];
    private readonly HashSet<RecordId> _records = [];
    private readonly HashSet<EnumId> _enums = [];
    private readonly HashSet<int> _unbound = [];
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private bool _packRead;

    public List<BindingRead> Reads { get; } = [];

    public List<BindingOp> Ops { get; } = [];

    public int Start { get; private set; }

    public int End { get; private set; }

    /// <summary>Why the item cannot be replayed, or null.</summary>
    public string? NotReplayable { get; private set; }

    /// <summary>The item added a record or enum body: layout answers after that may depend on it.</summary>
    public bool AddedDefinition { get; private set; }

    public void Begin(int start, int end)
    {
        Start = start;
        End = end;
        NotReplayable = null;
        AddedDefinition = false;
        _packRead = false;
        Reads.Clear();
        Ops.Clear();
        _ordinary.Clear();
        _tags.Clear();
        _records.Clear();
        _enums.Clear();
        _unbound.Clear();
        _anchors.Clear();
    }

    public void Refuse(string reason) => NotReplayable ??= reason;

    public void ReadOrdinary(int id, OrdinarySymbol? symbol)
    {
        if (_ordinary.Add(id)) Reads.Add(new BindingRead(ReadKind.Ordinary, id, symbol));
    }

    public void WroteOrdinary(int id, OrdinarySymbol symbol)
    {
        _ordinary.Add(id);
        Ops.Add(new BindingOp(OpKind.DeclareOrdinary, symbol, Id: id));
    }

    public void ReadTag(int id, TagSymbol? symbol)
    {
        if (_tags.Add(id)) Reads.Add(new BindingRead(ReadKind.Tag, id, symbol));
    }

    public void WroteTag(int id, TagSymbol symbol)
    {
        _tags.Add(id);
        Ops.Add(new BindingOp(OpKind.DeclareTag, symbol, Id: id));
    }

    public void ReadRecord(RecordId id, RecordDefinition? definition)
    {
        if (_records.Add(id)) Reads.Add(new BindingRead(ReadKind.Record, id, definition, Id: numbers.Of(id)));
    }

    public void ReadEnum(EnumId id, EnumDefinition? definition)
    {
        if (_enums.Add(id)) Reads.Add(new BindingRead(ReadKind.Enum, id, definition, Id: numbers.Of(id)));
    }

    public void AddedRecord(RecordDefinition definition, bool fileScope)
    {
        _records.Add(definition.Id);
        AddedDefinition = true;
        Ops.Add(new BindingOp(OpKind.AddRecord, definition, Flag: fileScope, Id: numbers.Of(definition.Id)));
    }

    public void AddedEnum(EnumDefinition definition, bool fileScope)
    {
        _enums.Add(definition.Id);
        AddedDefinition = true;
        Ops.Add(new BindingOp(OpKind.AddEnum, definition, Flag: fileScope, Id: numbers.Of(definition.Id)));
    }

    /// <summary>A layout answer about a type that names records or enums (about others the engine reads no definitions).</summary>
    public void ReadLayout(ReadKind kind, CType type, object result, System.Collections.Immutable.ImmutableArray<Designator> designator = default)
    {
        if (AddedDefinition)
        {
            Refuse("a layout query after the item added a definition");
            return;
        }
        Reads.Add(new BindingRead(kind, type, result, designator));
    }

    public void ReadPack(int? current)
    {
        if (_packRead) return;
        _packRead = true;
        Reads.Add(new BindingRead(ReadKind.Pack, "", current));
    }

    public void ReadUnbound(int id, bool unbound)
    {
        if (_unbound.Add(id)) Reads.Add(new BindingRead(ReadKind.Unbound, id, unbound));
    }

    public void WroteUnbound(int id, object? site)
    {
        _unbound.Add(id);
        Ops.Add(site is null ? new BindingOp(OpKind.RemoveUnbound, Id: id) : new BindingOp(OpKind.SetUnbound, site, Id: id));
    }

    public void ReadAnchor(string name, int count)
    {
        if (_anchors.Add(name)) Reads.Add(new BindingRead(ReadKind.Anchor, name, count));
    }

    public void WroteAnchor(string name, int count)
    {
        _anchors.Add(name);
        Ops.Add(new BindingOp(OpKind.SetAnchor, name, Offset: count));
    }

    public void Reported(DiagnosticDescriptor descriptor, string message, int offset)
    {
        if (offset < Start || offset > End) Refuse("a diagnostic outside the item");
        Ops.Add(new BindingOp(OpKind.Report, descriptor, message, offset));
    }

    public void Op(BindingOp op) => Ops.Add(op);
}
