namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A qualified type. Qualifiers change no layout (C11 6.2.5p27: same
/// representation and alignment). Build them with <see cref="CTypes.Qualify"/>
/// so qualifiers merge instead of nesting.
/// </summary>
public sealed record QualifiedType(CType Unqualified, TypeQualifiers Qualifiers) : CType
{
    public override string Spelling =>
        ((Qualifiers & TypeQualifiers.Const) != 0 ? "const " : "")
        + ((Qualifiers & TypeQualifiers.Volatile) != 0 ? "volatile " : "")
        + ((Qualifiers & TypeQualifiers.Restrict) != 0 ? "restrict " : "")
        + Unqualified.Spelling;
}
