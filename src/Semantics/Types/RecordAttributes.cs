namespace LayoutExpert.Semantics.Types;

/// <summary>
/// Attributes of a struct or union definition. <c>PackPragma</c> is the
/// <c>#pragma pack(N)</c> value in force at the closing brace (GCC lays the
/// record out there), in bytes; null when none. <c>designated_init</c> changes
/// no layout and is kept only to be faithful to the source.
/// </summary>
public readonly record struct RecordAttributes(
    bool Packed = false,
    AlignedAttribute? Aligned = null,
    bool TransparentUnion = false,
    bool DesignatedInit = false,
    RandomizeLayout Randomize = RandomizeLayout.Unspecified,
    int? PackPragma = null)
{
    public static readonly RecordAttributes None = default;
}
