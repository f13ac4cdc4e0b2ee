namespace LayoutExpert.Semantics.Types;

/// <summary>
/// An array. <c>Length</c> is the evaluated element count; null means no size was
/// given (<c>[]</c>, a flexible array member as the last member of a struct,
/// C11 6.7.2.1p18); 0 is GNU's zero-length array. The binder passes a negative
/// length through unchanged: the layout engine reports it.
/// </summary>
public sealed record ArrayType(CType Element, long? Length) : CType
{
    public bool IsUnsized => Length is null;

    public override string Spelling =>
        Element.Spelling + "[" + (Length?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") + "]";
}
