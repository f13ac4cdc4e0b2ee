namespace LayoutExpert.Semantics.Types;

/// <summary>
/// One member declaration of a struct or union, in declaration order.
/// <c>Name</c> is null for an unnamed bit-field (C11 6.7.2.1p12) and for an
/// anonymous struct/union member (C11 6.7.2.1p13); the binder drops other
/// declarations that declare no member. <c>BitWidth</c> is set for bit-fields
/// (the evaluated width, passed through even when invalid: the engine reports it).
/// </summary>
public sealed record Field(string? Name, CType Type, long? BitWidth = null, FieldAttributes Attributes = default)
{
    public bool IsBitField => BitWidth is not null;

    public bool IsAnonymousMember => Name is null && BitWidth is null;

    public override string ToString() =>
        Type.Spelling + " " + (Name ?? "") + (BitWidth is { } w ? ":" + w : "");
}
