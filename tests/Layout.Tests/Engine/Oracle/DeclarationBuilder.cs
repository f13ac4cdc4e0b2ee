using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// Builds <see cref="Declarations"/> by hand, in dependency order:
/// <code>
/// var d = new DeclarationBuilder();
/// var s = d.Struct("s", r => r.Field("a", C.Char).BitField("b", C.Int, 4));
/// var t = d.Typedef("l4", C.Long, aligned: 4);
/// </code>
/// </summary>
public sealed class DeclarationBuilder
{
    private TypeTable table = TypeTable.Empty;
    private readonly ImmutableArray<TopLevel>.Builder order = ImmutableArray.CreateBuilder<TopLevel>();
    private int anonymous;

    public RecordType Struct(string tag, Action<RecordBuilder> body) => Define(AggregateKind.Struct, tag, body, topLevel: true);

    public RecordType Union(string tag, Action<RecordBuilder> body) => Define(AggregateKind.Union, tag, body, topLevel: true);

    /// <summary>An untagged struct, written inline where it is used (member type, anonymous member, typedef target).</summary>
    public RecordType AnonymousStruct(Action<RecordBuilder> body) => Define(AggregateKind.Struct, null, body, topLevel: false);

    public RecordType AnonymousUnion(Action<RecordBuilder> body) => Define(AggregateKind.Union, null, body, topLevel: false);

    /// <summary>Declares a tag without defining it (<c>struct tag;</c>): an incomplete type.</summary>
    public RecordType Incomplete(AggregateKind kind, string tag) => new(new RecordId(kind, tag));

    public EnumType Enum(string? tag, params (string Name, Int128 Value)[] constants) => Enum(tag, false, null, constants);

    public EnumType Enum(string? tag, bool packed, MachineMode? mode, params (string Name, Int128 Value)[] constants)
    {
        var id = tag is null ? new EnumId(null, "anon" + anonymous++) : new EnumId(tag);
        var definition = new EnumDefinition(id, [.. constants.Select(c => new Enumerator(c.Name, c.Value))], packed, mode);
        table = table.With(definition);
        if (tag is not null) order.Add(new EnumDeclaration(id));
        return new EnumType(id);
    }

    public TypedefType Typedef(string name, CType target, long? aligned = null)
    {
        var typedef = new TypedefType(name, target, aligned is { } a ? AlignedAttribute.Of(a) : null);
        table = table.With(typedef);
        order.Add(new TypedefDeclaration(typedef));
        return typedef;
    }

    public TypedefType Typedef(string name, CType target, AlignedAttribute aligned)
    {
        var typedef = new TypedefType(name, target, aligned);
        table = table.With(typedef);
        order.Add(new TypedefDeclaration(typedef));
        return typedef;
    }

    public Declarations Build() => new(table, order.ToImmutable());

    private RecordType Define(AggregateKind kind, string? tag, Action<RecordBuilder> body, bool topLevel)
    {
        var id = new RecordId(kind, tag, tag is null ? "anon" + anonymous++ : null);
        var builder = new RecordBuilder();
        body(builder);
        table = table.With(new RecordDefinition(id, builder.Fields.ToImmutable(), builder.Attributes));
        if (topLevel) order.Add(new RecordDeclaration(id));
        return new RecordType(id);
    }
}

/// <summary>The members and attributes of one struct or union being built.</summary>
public sealed class RecordBuilder
{
    internal ImmutableArray<Field>.Builder Fields { get; } = ImmutableArray.CreateBuilder<Field>();

    internal RecordAttributes Attributes { get; private set; }

    public RecordBuilder Field(string name, CType type, long? aligned = null, bool packed = false) =>
        Add(new Field(name, type, null, new FieldAttributes(packed, aligned is { } a ? AlignedAttribute.Of(a) : null)));

    public RecordBuilder Field(string name, CType type, AlignedAttribute aligned, bool packed = false) =>
        Add(new Field(name, type, null, new FieldAttributes(packed, aligned)));

    /// <summary>A bit-field; a null name makes it unnamed (padding).</summary>
    public RecordBuilder BitField(string? name, CType type, long width, bool packed = false, long? aligned = null) =>
        Add(new Field(name, type, width, new FieldAttributes(packed, aligned is { } a ? AlignedAttribute.Of(a) : null)));

    /// <summary>An anonymous struct/union member (C11 6.7.2.1p13).</summary>
    public RecordBuilder Anonymous(RecordType type) => Add(new Field(null, type));

    public RecordBuilder Packed() => With(Attributes with { Packed = true });

    public RecordBuilder Aligned(long bytes) => With(Attributes with { Aligned = AlignedAttribute.Of(bytes) });

    public RecordBuilder AlignedBare() => With(Attributes with { Aligned = AlignedAttribute.Bare });

    public RecordBuilder PackPragma(int bytes) => With(Attributes with { PackPragma = bytes });

    public RecordBuilder TransparentUnion() => With(Attributes with { TransparentUnion = true });

    public RecordBuilder DesignatedInit() => With(Attributes with { DesignatedInit = true });

    public RecordBuilder Randomize(RandomizeLayout randomize) => With(Attributes with { Randomize = randomize });

    /// <summary>An <c>aligned</c> attribute on the record itself.</summary>
    public RecordBuilder Add(AlignedAttribute aligned) => With(Attributes with { Aligned = aligned });

    public RecordBuilder Add(Field field)
    {
        Fields.Add(field);
        return this;
    }

    private RecordBuilder With(RecordAttributes attributes)
    {
        Attributes = attributes;
        return this;
    }
}
