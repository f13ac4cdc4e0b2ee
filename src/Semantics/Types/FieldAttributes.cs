namespace LayoutExpert.Semantics.Types;

/// <summary>
/// Attributes on one member declaration: <c>packed</c> and <c>aligned</c>
/// (or <c>_Alignas</c>). Attributes that change the member's type
/// (<c>vector_size</c>, <c>mode</c>) are already folded into its type.
/// </summary>
public readonly record struct FieldAttributes(bool Packed = false, AlignedAttribute? Aligned = null)
{
    public static readonly FieldAttributes None = default;
}
