using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// A pp-number in an #if expression (C11 6.4.4.1, 6.10.1p4), classified and
/// valued as gcc's cpp_classify_number and cpp_interpret_integer do: decimal,
/// octal, hex and (GNU) binary integers with any valid u/l/ll suffix; floating
/// and imaginary constants are errors; invalid digits and suffixes are errors
/// that leave the value 0. A constant too large for 64 bits wraps with a
/// warning; one that fits only uintmax_t becomes unsigned (a warning for decimal).
/// </summary>
internal static class NumericConstant
{
    private enum FloatPart { None, AfterPoint, AfterExponent }

    public static Num Evaluate(string text, Action<DiagnosticDescriptor, object[]> report)
    {
        var radix = 10;
        var i = 0;
        char At(int p) => p < text.Length ? text[p] : '\0';
        if (At(0) == '0')
        {
            radix = 8;
            i = 1;
            // A base prefix needs a digit (or '.' for hex) after it; otherwise the letter starts the suffix.
            if (At(1) is 'x' or 'X' && (At(2) == '.' || char.IsAsciiHexDigit(At(2))))
            {
                radix = 16;
                i = 2;
            }
            else if (At(1) is 'b' or 'B' && At(2) is '0' or '1')
            {
                radix = 2;
                i = 2;
            }
        }

        var floatPart = FloatPart.None;
        var seenDigit = false;
        var maxDigit = 0;
        for (; ; i++)
        {
            var c = At(i);
            if (char.IsAsciiDigit(c) || (radix == 16 && char.IsAsciiHexDigit(c)))
            {
                seenDigit = true;
                maxDigit = Math.Max(maxDigit, HexValue(c));
            }
            else if (c == '.')
            {
                if (floatPart != FloatPart.None) return Invalid(report, ConditionDiagnostics.TooManyDecimalPoints);
                floatPart = FloatPart.AfterPoint;
            }
            else if ((radix <= 10 && c is 'e' or 'E') || (radix == 16 && c is 'p' or 'P'))
            {
                floatPart = FloatPart.AfterExponent;
                i++;
                break;
            }
            else
            {
                break;
            }
        }

        // Fixed-point suffixes (TR 18037: k, r ...) make a non-hex number a fixed-point constant.
        if (radix != 16 && floatPart == FloatPart.None && IsFixedPointSuffix(text.AsSpan(i)))
        {
            report(ConditionDiagnostics.FloatingConstant, []);
            return default;
        }
        if (floatPart != FloatPart.None && radix == 8) radix = 10;
        if (maxDigit >= radix)
        {
            var digit = ((char)('0' + maxDigit)).ToString();
            return Invalid(report, radix == 2 ? ConditionDiagnostics.InvalidBinaryDigit : ConditionDiagnostics.InvalidOctalDigit, digit);
        }

        if (floatPart != FloatPart.None) return Floating(text, i, radix, seenDigit, floatPart, report);

        var suffix = text[i..];
        if (!TryIntegerSuffix(suffix, out var unsignedSuffix, out var imaginary))
        {
            return Invalid(report, ConditionDiagnostics.InvalidIntegerSuffix, suffix);
        }
        if (imaginary)
        {
            report(ConditionDiagnostics.ImaginaryConstant, []);
            return default;
        }
        var digitsStart = radix switch { 16 or 2 => 2, 8 => 1, _ => 0 };
        return Interpret(text.AsSpan(digitsStart, i - digitsStart), radix, unsignedSuffix, report);
    }

    /// <summary>The digits' value mod 2^64; unsigned when suffixed u or when it needs the sign bit.</summary>
    private static Num Interpret(ReadOnlySpan<char> digits, int radix, bool unsignedSuffix, Action<DiagnosticDescriptor, object[]> report)
    {
        UInt128 value = 0;
        var overflow = false;
        foreach (var c in digits)
        {
            value = value * (uint)radix + (uint)HexValue(c);
            if (value >> 64 != 0)
            {
                overflow = true;
                value &= ulong.MaxValue;
            }
        }
        // A constant too large for its type carries gcc's overflow flag: an
        // operator that passes its operand through (',', '?:') then reports an overflow.
        var result = new Num((ulong)value, unsignedSuffix, overflow);
        if (overflow)
        {
            report(ConditionDiagnostics.IntegerTooLarge, []);
        }
        else if (!result.Unsigned && !result.SignBitClear)
        {
            if (radix == 10) report(ConditionDiagnostics.IntegerSoLargeItIsUnsigned, []);
            result = result with { Unsigned = true };
        }
        return result;
    }

    private static Num Floating(string text, int i, int radix, bool seenDigit, FloatPart floatPart, Action<DiagnosticDescriptor, object[]> report)
    {
        if (radix == 2) return Invalid(report, ConditionDiagnostics.BinaryPrefixOnFloat);
        if (radix == 16 && !seenDigit) return Invalid(report, ConditionDiagnostics.HexFloatWithoutDigits);
        if (floatPart == FloatPart.AfterExponent)
        {
            if (i < text.Length && text[i] is '+' or '-') i++;
            if (i >= text.Length || !char.IsAsciiDigit(text[i])) return Invalid(report, ConditionDiagnostics.ExponentWithoutDigits);
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        }
        else if (radix == 16)
        {
            return Invalid(report, ConditionDiagnostics.HexFloatWithoutExponent);
        }
        var suffix = text[i..];
        if (!IsFloatingSuffix(suffix, out var isDecimalFloat)) return Invalid(report, ConditionDiagnostics.InvalidFloatingSuffix, suffix);
        if (isDecimalFloat && radix != 10) return Invalid(report, ConditionDiagnostics.DecimalFloatSuffixOnHex, suffix);
        report(ConditionDiagnostics.FloatingConstant, []);
        return default;
    }

    private static Num Invalid(Action<DiagnosticDescriptor, object[]> report, DiagnosticDescriptor descriptor, params object[] args)
    {
        report(descriptor, args);
        return default;
    }

    /// <summary>
    /// gcc's interpret_int_suffix for C: at most one u/U, at most one l/L pair
    /// (ll or LL, adjacent and of one case), at most one i/I/j/J (imaginary), in any order.
    /// </summary>
    private static bool TryIntegerSuffix(string suffix, out bool unsigned, out bool imaginary)
    {
        int u = 0, l = 0, im = 0;
        unsigned = imaginary = false;
        for (var p = suffix.Length - 1; p >= 0; p--)
        {
            switch (suffix[p])
            {
                case 'u' or 'U': u++; break;
                case 'i' or 'I' or 'j' or 'J': im++; break;
                case 'l' or 'L':
                    l++;
                    if (l == 2 && suffix[p] != suffix[p + 1]) return false;
                    break;
                default: return false;
            }
        }
        if (l > 2 || u > 1 || im > 1) return false;
        unsigned = u == 1;
        imaginary = im == 1;
        return true;
    }

    /// <summary>Fixed-point suffixes (gcc's interpret_float_suffix): [u] [h|l|ll|L|LL] then k or r, case-insensitive except ll/LL.</summary>
    private static bool IsFixedPointSuffix(ReadOnlySpan<char> s)
    {
        if (s.Length == 0 || s[^1] is not ('k' or 'K' or 'r' or 'R')) return false;
        s = s[..^1];
        if (s.Length > 0 && s[0] is 'u' or 'U') s = s[1..];
        return s.Length == 0 || s is "h" or "H" or "l" or "L" or "ll" or "LL";
    }

    /// <summary>
    /// Floating suffixes gcc 12 accepts: df/dd/dl (decimal, exact case pairs),
    /// fixed-point ones, or at most one of f, d, l, w, q, fN, fNx (N = 16, 32, 64,
    /// 128; x only for 32, 64, 128) together with at most one i/j, in any order and case.
    /// </summary>
    private static bool IsFloatingSuffix(string s, out bool isDecimalFloat)
    {
        isDecimalFloat = s is "df" or "dd" or "dl" or "DF" or "DD" or "DL";
        if (isDecimalFloat || IsFixedPointSuffix(s)) return true;
        int types = 0, imaginary = 0;
        for (var p = 0; p < s.Length; p++)
        {
            var c = s[p];
            if (c is 'f' or 'F' && p + 1 < s.Length && s[p + 1] is >= '1' and <= '9')
            {
                var start = p + 1;
                var end = start;
                while (end < s.Length && char.IsAsciiDigit(s[end])) end++;
                var bits = s[start..end];
                var extended = end < s.Length && s[end] == 'x';
                if (extended ? bits is not ("32" or "64" or "128") : bits is not ("16" or "32" or "64" or "128")) return false;
                types++;
                p = extended ? end : end - 1;
            }
            else if (c is 'f' or 'F' or 'd' or 'D' or 'l' or 'L' or 'w' or 'W' or 'q' or 'Q') types++;
            else if (c is 'i' or 'I' or 'j' or 'J') imaginary++;
            else return false;
        }
        return types <= 1 && imaginary <= 1;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => 0,
    };
}
