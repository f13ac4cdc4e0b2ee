namespace LayoutExpert.Semantics.Types;

/// <summary>A use of an enum type; its definition is looked up by <see cref="Id"/>.</summary>
public sealed record EnumType(EnumId Id) : CType
{
    public override string Spelling => Id.Spelling;
}
