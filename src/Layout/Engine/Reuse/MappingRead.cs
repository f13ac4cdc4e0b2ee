using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// One thing <see cref="ModelMapper"/> read while mapping a record's member
/// types, beyond the record's own layout, with the answer it got. A
/// remembered model holds when every read, asked again in order, answers the
/// same. Asking is what a fresh mapping does at that point (a nested anonymous
/// record is named, an enum laid out, a base type noted), so checking leaves
/// the mapper as a fresh mapping's prefix would.
/// </summary>
internal abstract record MappingRead
{
    public abstract bool Holds(ModelMapper mapper);
}

/// <summary>A base type met (not a question: the set of base types collects it).</summary>
internal sealed record BaseTypeRead(ScalarKind Kind) : MappingRead
{
    public override bool Holds(ModelMapper mapper)
    {
        mapper.NoteBase(Kind);
        return true;
    }
}

/// <summary>The content-derived name of an anonymous struct or union.</summary>
internal sealed record RecordNameRead(RecordId Id, LayoutResult<string> Name) : MappingRead
{
    public override bool Holds(ModelMapper mapper) => mapper.RecordName(Id).Equals(Name);
}

/// <summary>The content-derived name of an anonymous enum.</summary>
internal sealed record EnumNameRead(EnumId Id, LayoutResult<string> Name) : MappingRead
{
    public override bool Holds(ModelMapper mapper) => mapper.EnumName(Id).Equals(Name);
}

/// <summary>A vector's element size (the element count of the array DWARF describes it with).</summary>
internal sealed record MeasureRead(CType Type, LayoutResult<TypeShape> Shape) : MappingRead
{
    public override bool Holds(ModelMapper mapper) => mapper.Engine.Measure(Type).Equals(Shape);
}

/// <summary>The integer type of a <c>mode</c> type (its base's signedness may come from an enum).</summary>
internal sealed record ScalarRead(CType Type, LayoutResult<ScalarKind> Kind) : MappingRead
{
    public override bool Holds(ModelMapper mapper)
    {
        var now = mapper.Engine.ScalarOf(Type);
        if (!now.Equals(Kind)) return false;
        if (now.TryGet(out var kind)) mapper.NoteBase(kind);
        return true;
    }
}
