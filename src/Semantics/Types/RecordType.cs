namespace LayoutExpert.Semantics.Types;

/// <summary>A use of a struct or union type; the definition (if any: it may be incomplete) is looked up by <see cref="Id"/>.</summary>
public sealed record RecordType(RecordId Id) : CType
{
    public override string Spelling => Id.Spelling;
}
