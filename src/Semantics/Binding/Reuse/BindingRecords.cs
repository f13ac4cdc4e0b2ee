using System.Collections.Immutable;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Binding;

/// <summary>What a recorded item read from the binder's state (see <see cref="BindingRead"/>).</summary>
internal enum ReadKind : byte
{
    /// <summary>A file-scope ordinary identifier: Key the name number (<see cref="NameTable"/>), Value the symbol or null.</summary>
    Ordinary,

    /// <summary>A file-scope tag: Id the number of its spelling (<see cref="NameTable"/>), Value the <see cref="TagSymbol"/> or null.</summary>
    Tag,

    /// <summary>A record body: Key the <see cref="Types.RecordId"/>, Value the definition or null.</summary>
    Record,

    /// <summary>An enum body: Key the <see cref="Types.EnumId"/>, Value the definition or null.</summary>
    Enum,

    /// <summary>The layout engine's answers: Key the type, Value the boxed result; OffsetOf also keeps the designator.</summary>
    SizeOf,
    AlignOf,
    OffsetOf,
    ScalarOf,

    /// <summary>The <c>#pragma pack</c> value in force: Value the boxed int or null.</summary>
    Pack,

    /// <summary>Whether a function's signature waits to be bound: Key the name number, Value a boxed bool.</summary>
    Unbound,

    /// <summary>How many items took an anchor (see Binder.Anchors.cs): Key the anchor, Value a boxed int.</summary>
    Anchor,
}

/// <summary>One read of a recorded item, checked against the state before the item when it is replayed. Reads by name number keep it in <c>Id</c> (Key unused).</summary>
internal readonly record struct BindingRead(ReadKind Kind, object? Key, object? Value, ImmutableArray<Types.Designator> Designator = default, int Id = 0)
{
    public BindingRead(ReadKind kind, int id, object? value)
        : this(kind, null, value, default, id)
    {
    }
}

/// <summary>What a recorded item did to the binder's state, in order (see <see cref="BindingOp"/>).</summary>
internal enum OpKind : byte
{
    DeclareOrdinary,
    DeclareTag,
    AddRecord,
    AddEnum,
    Typedef,
    SetUnbound,
    RemoveUnbound,
    SetLocation,
    Report,
    PendingType,
    AddReference,
    ClearReferences,
    DefineObject,
    DefineFunction,
    SetAnchor,
}

/// <summary>
/// One effect of a recorded item. Offsets (<c>Offset</c>, and the positions in
/// a function declarator site or a body) are absolute in the recorded unit and
/// are moved by the distance the item moved when replayed. Effects on state
/// kept by name number (<see cref="NameTable"/>: declaring an ordinary
/// identifier or a tag, a typedef, a waiting signature, a location) keep the number in <c>Id</c>.
/// </summary>
internal readonly record struct BindingOp(OpKind Kind, object? A = null, object? B = null, int Offset = 0, bool Flag = false, int Id = 0);

/// <summary>One binding of one item: where the item was, what it read, what it did.</summary>
internal sealed class ItemRecord
{
    public ItemRecord(GreenNode green, int position, BindingRead[] reads, BindingOp[] ops)
    {
        Green = green;
        Position = position;
        Reads = reads;
        Ops = ops;
        foreach (var read in reads) HasLayoutRead |= read.Kind is ReadKind.SizeOf or ReadKind.AlignOf or ReadKind.OffsetOf or ReadKind.ScalarOf;
        foreach (var op in ops) AddsDefinition |= op.Kind is OpKind.AddRecord or OpKind.AddEnum;
    }

    public GreenNode Green { get; }

    public int Position { get; }

    public BindingRead[] Reads { get; }

    public BindingOp[] Ops { get; }

    /// <summary>Whether the item asked the layout engine about a type naming definitions (see <see cref="BlockBuilder"/>: such a read may not follow a definition its run added).</summary>
    public bool HasLayoutRead { get; }

    /// <summary>Whether the item added a record or enum body.</summary>
    public bool AddsDefinition { get; }
}
