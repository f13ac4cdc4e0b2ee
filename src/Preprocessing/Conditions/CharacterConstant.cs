using System.Text;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// The value of a character constant in #if (C11 6.4.4.4, 6.10.1p4), as gcc's
/// cpp_interpret_charconst computes it for x86-64 with UTF-8 as source and
/// execution character set:
/// <list type="bullet">
/// <item>plain 'x': the execution-charset bytes, big-endian, into a 32-bit
/// int (more than 4 bytes: the high ones are lost, with a warning); one byte is
/// a char, sign-extended unless -funsigned-char; several bytes are an int
/// (signed, "multi-character character constant");</item>
/// <item>L'x': UTF-16 code units (16-bit unsigned wchar_t with -fshort-wchar),
/// or UTF-32 (32-bit signed); u'x' UTF-16, U'x' UTF-32, both unsigned; with
/// more than one unit the last one counts ("too long for its type").</item>
/// </list>
/// The returned value's type is the constant's own signedness: an unsigned char
/// makes an unsigned #if operand.
/// </summary>
internal static class CharacterConstant
{
    private enum Encoding { Narrow, Utf16, Utf32 }

    /// <summary>False when the token is not a complete character constant (the lexer let an unterminated one through).</summary>
    public static bool IsComplete(string text)
    {
        var open = text.IndexOf('\'');
        if (open < 0 || text.Length < open + 2 || text[^1] != '\'') return false;
        for (var p = open + 1; p < text.Length; p++)
        {
            if (text[p] == '\\') { p++; continue; }
            if (text[p] == '\'') return p == text.Length - 1;
        }
        return false;
    }

    public static Num Evaluate(string text, IfExpressionOptions options, Action<DiagnosticDescriptor, object[]> report)
    {
        var open = text.IndexOf('\'');
        var prefix = text[..open];
        var body = text[(open + 1)..^1];
        var (encoding, width, unsignedType) = prefix switch
        {
            "L" => options.ShortWchar ? (Encoding.Utf16, 16, true) : (Encoding.Utf32, 32, false),
            "u" => (Encoding.Utf16, 16, true),
            "U" => (Encoding.Utf32, 32, true),
            _ => (Encoding.Narrow, 8, options.UnsignedChar),
        };
        if (body.Length == 0)
        {
            report(ConditionDiagnostics.EmptyCharacterConstant, []);
            return default;
        }
        var units = Units(body, encoding, width, report);
        return encoding == Encoding.Narrow
            ? Narrow(units, unsignedType, report)
            : Wide(units, width, unsignedType, report);
    }

    private static Num Narrow(List<uint> units, bool unsignedChar, Action<DiagnosticDescriptor, object[]> report)
    {
        uint result = 0;
        foreach (var unit in units) result = (result << 8) | (unit & 0xff);
        var count = units.Count;
        if (count > 4)
        {
            count = 4;
            report(ConditionDiagnostics.CharacterConstantTooLong, []);
        }
        else if (count > 1)
        {
            report(ConditionDiagnostics.MultiCharacterConstant, []);
        }
        if (count > 1) return new Num(unchecked((ulong)(long)(int)result), false); // an int
        if (unsignedChar) return new Num(result & 0xff, true);
        return new Num(unchecked((ulong)(long)(sbyte)(byte)result), false);
    }

    private static Num Wide(List<uint> units, int width, bool unsignedType, Action<DiagnosticDescriptor, object[]> report)
    {
        if (units.Count == 0)
        {
            report(ConditionDiagnostics.EmptyCharacterConstant, []);
            return default;
        }
        if (units.Count > 1) report(ConditionDiagnostics.CharacterConstantTooLong, []);
        var last = units[^1];
        if (width == 16) return unsignedType ? new Num(last & 0xffff, true) : new Num(unchecked((ulong)(long)(short)last), false);
        return unsignedType ? new Num(last, true) : new Num(unchecked((ulong)(long)(int)last), false);
    }

    /// <summary>The body's code units in the execution character set, escapes resolved (gcc's convert_escape).</summary>
    private static List<uint> Units(string body, Encoding encoding, int width, Action<DiagnosticDescriptor, object[]> report)
    {
        var units = new List<uint>();
        var mask = width == 32 ? uint.MaxValue : (1u << width) - 1;
        for (var p = 0; p < body.Length;)
        {
            if (body[p] != '\\')
            {
                var rune = RuneAt(body, p);
                Encode((uint)rune.Value, encoding, units);
                p += rune.Utf16SequenceLength;
                continue;
            }
            var escapeStart = p;
            p++;
            var c = p < body.Length ? body[p] : '\0';
            p++;
            switch (c)
            {
                case '\\' or '\'' or '"' or '?': units.Add(c); break;
                // '\(' and friends keep Emacs and SCCS happy; gcc accepts them silently unless -pedantic.
                case '(' or '{' or '[' or '%': units.Add(c); break;
                case 'a': units.Add(7); break;
                case 'b': units.Add(8); break;
                case 'f': units.Add(12); break;
                case 'n': units.Add(10); break;
                case 'r': units.Add(13); break;
                case 't': units.Add(9); break;
                case 'v': units.Add(11); break;
                case 'e' or 'E': units.Add(27); break; // GNU: escape
                case 'x':
                    {
                        uint n = 0;
                        var overflow = false;
                        var start = p;
                        while (p < body.Length && char.IsAsciiHexDigit(body[p]))
                        {
                            overflow |= (n >> 28) != 0;
                            n = (n << 4) + (uint)Convert.ToInt32(body[p].ToString(), 16);
                            p++;
                        }
                        if (p == start)
                        {
                            report(ConditionDiagnostics.HexEscapeWithoutDigits, []);
                            break;
                        }
                        if (overflow || (n & mask) != n)
                        {
                            report(ConditionDiagnostics.HexEscapeOutOfRange, []);
                            n &= mask;
                        }
                        units.Add(n);
                        break;
                    }
                case >= '0' and <= '7':
                    {
                        uint n = (uint)(c - '0');
                        for (var count = 1; count < 3 && p < body.Length && body[p] is >= '0' and <= '7'; count++, p++)
                        {
                            n = (n << 3) + (uint)(body[p] - '0');
                        }
                        if ((n & mask) != n)
                        {
                            report(ConditionDiagnostics.OctalEscapeOutOfRange, []);
                            n &= mask;
                        }
                        units.Add(n);
                        break;
                    }
                case 'u' or 'U':
                    {
                        var length = c == 'u' ? 4 : 8;
                        var start = p;
                        uint n = 0;
                        while (p < body.Length && p - start < length && char.IsAsciiHexDigit(body[p]))
                        {
                            n = (n << 4) + (uint)Convert.ToInt32(body[p].ToString(), 16);
                            p++;
                        }
                        var spelling = body[escapeStart..p];
                        if (p - start < length)
                        {
                            report(ConditionDiagnostics.IncompleteUniversalCharacter, [spelling]);
                            n = 1;
                        }
                        // C11 6.4.3p2: nothing below 0xA0 but $ @ `, no surrogates.
                        else if ((n < 0xa0 && n is not (0x24 or 0x40 or 0x60)) || (n & 0x80000000) != 0 || n is >= 0xd800 and <= 0xdfff)
                        {
                            report(ConditionDiagnostics.InvalidUniversalCharacter, [spelling]);
                            n = 1;
                        }
                        else if (n > 0x10ffff)
                        {
                            report(ConditionDiagnostics.OutsideUcsCodespace, [spelling]);
                        }
                        Encode(n, encoding, units);
                        break;
                    }
                default:
                    {
                        var firstByte = c < 0x80 ? (int)c : System.Text.Encoding.UTF8.GetBytes(body[(p - 1)..].Substring(0, char.IsHighSurrogate(c) && p < body.Length ? 2 : 1))[0];
                        var shown = c is > ' ' and < '\x7f' ? "\\" + c : "\\" + Convert.ToString(firstByte, 8).PadLeft(3, '0');
                        report(ConditionDiagnostics.UnknownEscape, [shown]);
                        var rune = RuneAt(body, p - 1);
                        Encode((uint)rune.Value, encoding, units);
                        p += rune.Utf16SequenceLength - 1;
                        break;
                    }
            }
        }
        return units;
    }

    /// <summary>The code point at a position; a lone surrogate reads as U+FFFD (the text came from a decoder that should not make one).</summary>
    private static Rune RuneAt(string text, int index)
    {
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
        return consumed == 0 ? Rune.ReplacementChar : rune;
    }

    /// <summary>One code point in the execution character set: UTF-8 bytes, UTF-16 units or one UTF-32 unit.</summary>
    private static void Encode(uint codePoint, Encoding encoding, List<uint> units)
    {
        switch (encoding)
        {
            case Encoding.Utf32:
                units.Add(codePoint);
                break;
            case Encoding.Utf16:
                if (codePoint < 0x10000)
                {
                    units.Add(codePoint);
                }
                else
                {
                    var v = codePoint - 0x10000;
                    units.Add(0xd800 + ((v >> 10) & 0x3ff));
                    units.Add(0xdc00 + (v & 0x3ff));
                }
                break;
            default:
                EncodeUtf8(codePoint, units);
                break;
        }
    }

    /// <summary>UTF-8, with gcc's extension of the scheme to 31-bit values (up to 6 bytes).</summary>
    private static void EncodeUtf8(uint c, List<uint> units)
    {
        if (c < 0x80)
        {
            units.Add(c);
            return;
        }
        var count = c < 0x800 ? 2 : c < 0x10000 ? 3 : c < 0x200000 ? 4 : c < 0x4000000 ? 5 : 6;
        var lead = (uint)(0xff00 >> count) & 0xff;
        var bytes = new uint[count];
        for (var k = count - 1; k > 0; k--)
        {
            bytes[k] = 0x80 | (c & 0x3f);
            c >>= 6;
        }
        bytes[0] = lead | c;
        units.AddRange(bytes);
    }
}
