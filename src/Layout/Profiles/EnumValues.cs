using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// An enum constant's value as C sees it. <see cref="EnumConstant.Value"/> is a
/// 64-bit signed number; a constant of an enum whose underlying type is
/// unsigned and 8 bytes wide can exceed <c>long.MaxValue</c> (e.g. <c>1UL &lt;&lt; 63</c>),
/// and such a value arrives as a negative long with the same bits. For an
/// unsigned underlying type the bits are therefore read as unsigned.
/// </summary>
internal static class EnumValues
{
    /// <summary>Whether an enum's underlying base type is unsigned.</summary>
    public static bool IsUnsignedBase(LayoutSet layouts, string baseType) =>
        layouts.BaseTypes.TryGetValue(baseType, out var type)
            ? type.Encoding is BaseTypeEncoding.Unsigned or BaseTypeEncoding.UnsignedChar or BaseTypeEncoding.Boolean
            : baseType.Contains("unsigned", StringComparison.Ordinal);

    public static string ToText(long value, bool unsignedBase) =>
        unsignedBase && value < 0
            ? unchecked((ulong)value).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
