namespace LayoutExpert.Preprocessing.Config;

/// <summary>What a .config assignment says, as far as the file alone can tell (it does not carry Kconfig's types).</summary>
public enum ConfigValueKind
{
    /// <summary><c>=y</c>: a bool or tristate symbol built in.</summary>
    Yes,

    /// <summary><c>=m</c>: a tristate symbol built as a module.</summary>
    Module,

    /// <summary>A quoted string.</summary>
    String,

    /// <summary>An optionally negative decimal number (an int symbol, or a hex symbol written without 0x).</summary>
    Decimal,

    /// <summary>A hexadecimal number: with a 0x/0X prefix, or hex digits that include a letter.</summary>
    Hex,
}

/// <summary>
/// A symbol's value. <see cref="Text"/> is exactly what followed '=' in the file
/// (quotes and escapes kept for strings).
/// </summary>
public sealed record ConfigValue(ConfigValueKind Kind, string Text)
{
    /// <summary>
    /// A string's contents as Kconfig reads them (conf_read: a backslash keeps the
    /// character after it, whatever it is); for other kinds, <see cref="Text"/>.
    /// </summary>
    public string Unescaped => Kind == ConfigValueKind.String ? KconfigStrings.Unescape(Text) : Text;

    /// <summary>The number, for <see cref="ConfigValueKind.Decimal"/> and <see cref="ConfigValueKind.Hex"/> values that fit in 64 bits.</summary>
    public long? Number => Kind switch
    {
        ConfigValueKind.Decimal when long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        ConfigValueKind.Hex when ulong.TryParse(KconfigStrings.StripHexPrefix(Text), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out var h) => unchecked((long)h),
        _ => null,
    };
}
