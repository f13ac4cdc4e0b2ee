using System.Globalization;
using System.Text;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// The values and types of C's constants as gcc 12 reads them: integer
/// constants (C11 6.4.4.1 with GNU's 0b prefix and gcc's <c>__int128</c> for a
/// decimal too large for <c>long long</c>), floating constants (6.4.4.2),
/// character constants (6.4.4.4, gcc's multi-character rule) and the length of
/// string literals (6.4.5). Each returns null for text it cannot read.
/// </summary>
public static class Literals
{
    public readonly record struct IntegerLiteral(Int128 Value, ScalarKind Type);

    public readonly record struct FloatLiteral(double Value, ScalarKind Type);

    public static IntegerLiteral? ParseInteger(string text, IntegerModel model)
    {
        var (radix, start) = text.Length > 1 && text[0] == '0' && (text[1] is 'x' or 'X') ? (16, 2)
            : text.Length > 1 && text[0] == '0' && (text[1] is 'b' or 'B') ? (2, 2)
            : text.Length > 1 && text[0] == '0' ? (8, 1)
            : (10, 0);
        var end = start;
        while (end < text.Length && DigitValue(text[end]) is { } d && d < radix) end++;
        if (end == start && radix != 8) return null;
        if (!TryParseSuffix(text.AsSpan(end), out var isUnsigned, out var longs)) return null;

        UInt128 value = 0;
        for (var i = start; i < end; i++)
        {
            var next = value * (UInt128)radix + (UInt128)DigitValue(text[i])!.Value;
            if (next / (UInt128)radix != value && radix != 1) return null;
            value = next;
        }
        // gcc's preprocessor works in 64 bits (intmax_t): larger constants are "too large for its type".
        if (value > ulong.MaxValue) return null;
        var v = (Int128)value;

        var candidates = (isUnsigned, longs, radix == 10) switch
        {
            (false, 0, true) => DecimalPlain,
            (false, 0, false) => OtherPlain,
            (true, 0, _) => UnsignedPlain,
            (false, 1, true) => DecimalLong,
            (false, 1, false) => OtherLong,
            (true, 1, _) => UnsignedLong,
            (false, _, true) => DecimalLongLong,
            (false, _, false) => OtherLongLong,
            (true, _, _) => UnsignedLongLong,
        };
        foreach (var kind in candidates)
        {
            if (model.Fits(v, kind)) return new IntegerLiteral(v, kind);
        }
        return null;
    }

    // The types an integer constant may have, in order (C11 6.4.4.1p5), by suffix and base; gcc goes on to
    // __int128 for a decimal constant too large for long long ("integer constant is so large that it is unsigned").
    private static readonly ScalarKind[] DecimalPlain = [ScalarKind.Int, ScalarKind.Long, ScalarKind.LongLong, ScalarKind.Int128];
    private static readonly ScalarKind[] OtherPlain =
        [ScalarKind.Int, ScalarKind.UnsignedInt, ScalarKind.Long, ScalarKind.UnsignedLong, ScalarKind.LongLong, ScalarKind.UnsignedLongLong];
    private static readonly ScalarKind[] UnsignedPlain = [ScalarKind.UnsignedInt, ScalarKind.UnsignedLong, ScalarKind.UnsignedLongLong];
    private static readonly ScalarKind[] DecimalLong = [ScalarKind.Long, ScalarKind.LongLong, ScalarKind.Int128];
    private static readonly ScalarKind[] OtherLong = [ScalarKind.Long, ScalarKind.UnsignedLong, ScalarKind.LongLong, ScalarKind.UnsignedLongLong];
    private static readonly ScalarKind[] UnsignedLong = [ScalarKind.UnsignedLong, ScalarKind.UnsignedLongLong];
    private static readonly ScalarKind[] DecimalLongLong = [ScalarKind.LongLong, ScalarKind.Int128];
    private static readonly ScalarKind[] OtherLongLong = [ScalarKind.LongLong, ScalarKind.UnsignedLongLong];
    private static readonly ScalarKind[] UnsignedLongLong = [ScalarKind.UnsignedLongLong];

    /// <summary>u/U and l/L/ll/LL in either order (C11 6.4.4.1p1); "lL" is not a suffix.</summary>
    private static bool TryParseSuffix(ReadOnlySpan<char> suffix, out bool isUnsigned, out int longs)
    {
        isUnsigned = false;
        longs = 0;
        var i = 0;
        var sawLong = false;
        while (i < suffix.Length)
        {
            var c = suffix[i];
            if ((c is 'u' or 'U') && !isUnsigned)
            {
                isUnsigned = true;
                i++;
            }
            else if ((c is 'l' or 'L') && !sawLong)
            {
                sawLong = true;
                if (i + 1 < suffix.Length && suffix[i + 1] == c)
                {
                    longs = 2;
                    i += 2;
                }
                else
                {
                    longs = 1;
                    i++;
                }
            }
            else
            {
                return false;
            }
        }
        return true;
    }

    private static int? DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => null,
    };

    /// <summary>True when a pp-number is a floating constant rather than an integer one.</summary>
    public static bool IsFloating(string text)
    {
        var hex = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        return hex ? text.Contains('.') || text.Contains('p') || text.Contains('P')
            : text.Contains('.') || text.Contains('e') || text.Contains('E');
    }

    public static FloatLiteral? ParseFloat(string text)
    {
        var type = ScalarKind.Double;
        var body = text;
        if (body.EndsWith('f') || body.EndsWith('F'))
        {
            if (!body.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || body.Contains('p') || body.Contains('P'))
            {
                type = ScalarKind.Float;
                body = body[..^1];
            }
        }
        else if (body.EndsWith('l') || body.EndsWith('L'))
        {
            type = ScalarKind.LongDouble;
            body = body[..^1];
        }
        if (body.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) return ParseHexFloat(body[2..]) is { } h ? new FloatLiteral(h, type) : null;
        return double.TryParse(body, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? new FloatLiteral(value, type) : null;
    }

    private static double? ParseHexFloat(string text)
    {
        var p = text.IndexOfAny(['p', 'P']);
        if (p < 0) return null;
        var mantissa = text[..p];
        if (!int.TryParse(text[(p + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)) return null;
        double value = 0;
        var scale = 0;
        var afterPoint = false;
        foreach (var c in mantissa)
        {
            if (c == '.')
            {
                afterPoint = true;
                continue;
            }
            if (DigitValue(c) is not { } d) return null;
            value = value * 16 + d;
            if (afterPoint) scale -= 4;
        }
        return value * Math.Pow(2, exponent + scale);
    }

    /// <summary>
    /// A character constant's value and type: <c>int</c> for plain ones (one
    /// char, sign- or zero-extended as plain char is; several chars packed
    /// big-end first into an int, gcc's rule), <c>wchar_t</c> (int),
    /// <c>char16_t</c>, <c>char32_t</c> for L, u, U.
    /// </summary>
    public static IntegerLiteral? ParseCharacter(string text, IntegerModel model)
    {
        var quote = text.IndexOf('\'');
        if (quote < 0 || text.Length < quote + 2 || text[^1] != '\'') return null;
        var prefix = text[..quote];
        var units = Decode(text.AsSpan(quote + 1, text.Length - quote - 2), prefix.Length == 0 || prefix == "u8");
        if (units is null || units.Count == 0) return null;
        switch (prefix)
        {
            case "":
            case "u8":
            {
                if (units.Count == 1)
                {
                    var kind = prefix == "u8" ? ScalarKind.UnsignedChar : ScalarKind.Char;
                    return new IntegerLiteral(model.Convert(model.Convert(units[0], kind), ScalarKind.Int), ScalarKind.Int);
                }
                Int128 result = 0;
                foreach (var unit in units) result = (result << 8) | (unit & 0xff);
                return new IntegerLiteral(model.Convert(result, ScalarKind.Int), ScalarKind.Int);
            }
            case "L": return new IntegerLiteral(model.Convert(units[^1], ScalarKind.Int), ScalarKind.Int);
            case "u": return new IntegerLiteral(model.Convert(units[^1], ScalarKind.UnsignedShort), ScalarKind.UnsignedShort);
            case "U": return new IntegerLiteral(model.Convert(units[^1], ScalarKind.UnsignedInt), ScalarKind.UnsignedInt);
            default: return null;
        }
    }

    /// <summary>
    /// The element type and element count (terminating zero included) of
    /// adjacent string literals concatenated (C11 6.4.5p5; a prefix on any piece
    /// applies to the whole).
    /// </summary>
    public static (ScalarKind Element, long Length)? StringLiteral(IEnumerable<string> pieces)
    {
        var prefix = "";
        long count = 0;
        var bytes = true;
        var all = pieces.ToList();
        foreach (var piece in all)
        {
            var quote = piece.IndexOf('"');
            if (quote < 0) return null;
            var p = piece[..quote];
            if (p.Length > 0 && p != "u8") prefix = p;
        }
        bytes = prefix.Length == 0;
        foreach (var piece in all)
        {
            var quote = piece.IndexOf('"');
            if (piece.Length < quote + 2 || piece[^1] != '"') return null;
            var units = Decode(piece.AsSpan(quote + 1, piece.Length - quote - 2), bytes);
            if (units is null) return null;
            count += units.Count;
        }
        var element = prefix switch
        {
            "L" => ScalarKind.Int,
            "u" => ScalarKind.UnsignedShort,
            "U" => ScalarKind.UnsignedInt,
            _ => ScalarKind.Char,
        };
        return (element, count + 1);
    }

    /// <summary>
    /// The code units of a literal's body after escapes (C11 6.4.4.4): UTF-8
    /// bytes when <paramref name="bytes"/>, else code points (a UCS-4 count,
    /// which is what wchar_t and char32_t hold; char16_t pairs are not modelled).
    /// </summary>
    private static List<Int128>? Decode(ReadOnlySpan<char> body, bool bytes)
    {
        var units = new List<Int128>();
        Span<byte> utf8 = stackalloc byte[4];
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c != '\\')
            {
                var rune = char.IsHighSurrogate(c) && i + 1 < body.Length ? new Rune(c, body[++i]) : new Rune(c);
                if (bytes)
                {
                    var n = rune.EncodeToUtf8(utf8);
                    for (var k = 0; k < n; k++) units.Add(utf8[k]);
                }
                else
                {
                    units.Add(rune.Value);
                }
                continue;
            }
            if (++i >= body.Length) return null;
            c = body[i];
            switch (c)
            {
                case 'n': units.Add(10); break;
                case 't': units.Add(9); break;
                case 'r': units.Add(13); break;
                case 'a': units.Add(7); break;
                case 'b': units.Add(8); break;
                case 'f': units.Add(12); break;
                case 'v': units.Add(11); break;
                case 'e' or 'E': units.Add(27); break;
                case '\\' or '\'' or '"' or '?': units.Add(c); break;
                case >= '0' and <= '7':
                {
                    Int128 value = 0;
                    var digits = 0;
                    while (i < body.Length && digits < 3 && body[i] is >= '0' and <= '7')
                    {
                        value = value * 8 + (body[i] - '0');
                        i++;
                        digits++;
                    }
                    i--;
                    units.Add(value);
                    break;
                }
                case 'x':
                {
                    Int128 value = 0;
                    var digits = 0;
                    while (i + 1 < body.Length && DigitValue(body[i + 1]) is { } d)
                    {
                        value = (value << 4) | d;
                        i++;
                        digits++;
                    }
                    if (digits == 0) return null;
                    units.Add(value);
                    break;
                }
                case 'u' or 'U':
                {
                    var length = c == 'u' ? 4 : 8;
                    if (i + length >= body.Length) return null;
                    if (!int.TryParse(body.Slice(i + 1, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var point)) return null;
                    i += length;
                    if (bytes && Rune.IsValid(point))
                    {
                        var n = new Rune(point).EncodeToUtf8(utf8);
                        for (var k = 0; k < n; k++) units.Add(utf8[k]);
                    }
                    else
                    {
                        units.Add(point);
                    }
                    break;
                }
                default:
                    units.Add(c);
                    break;
            }
        }
        return units;
    }
}
