namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// The operators of #if arithmetic in 64-bit intmax_t/uintmax_t, with gcc's
/// overflow detection (libcpp expr.cc: num_binary_op, num_mul, num_div_op,
/// num_lshift, num_rshift, num_negate ...). A result is unsigned when either
/// operand is (the usual arithmetic conversions, C11 6.3.1.8), except that a
/// shift keeps its left operand's type and relational, equality and logical
/// operators give a signed 0 or 1.
/// </summary>
internal static class Arithmetic
{
    public static Num Negate(Num n)
    {
        var result = unchecked(~n.Bits + 1);
        // Only the most negative value negates to itself.
        return new Num(result, n.Unsigned, !n.Unsigned && result == n.Bits && result != 0);
    }

    public static Num UnaryPlus(Num n) => n with { Overflow = false };

    public static Num Complement(Num n) => new(~n.Bits, n.Unsigned);

    public static Num LogicalNot(Num n) => Num.Bool(n.IsZero);

    public static Num Add(Num a, Num b)
    {
        var result = new Num(unchecked(a.Bits + b.Bits), a.Unsigned || b.Unsigned);
        return result.Unsigned ? result : result with { Overflow = a.SignBitClear == b.SignBitClear && a.SignBitClear != result.SignBitClear };
    }

    public static Num Subtract(Num a, Num b)
    {
        var result = new Num(unchecked(a.Bits - b.Bits), a.Unsigned || b.Unsigned);
        return result.Unsigned ? result : result with { Overflow = a.SignBitClear != b.SignBitClear && a.SignBitClear != result.SignBitClear };
    }

    /// <summary>
    /// A shift by a negative signed count shifts the other way (gcc); a count of
    /// 64 or more gives 0 for a left shift and the sign fill for a right shift.
    /// The result has the left operand's type.
    /// </summary>
    public static Num Shift(Num value, Num count, bool left)
    {
        if (!count.Unsigned && !count.SignBitClear)
        {
            left = !left;
            count = Negate(count);
        }
        return left ? ShiftLeft(value, count.Bits) : ShiftRight(value, count.Bits);
    }

    private static Num ShiftLeft(Num value, ulong n)
    {
        if (n >= 64) return new Num(0, value.Unsigned, !value.Unsigned && !value.IsZero);
        var result = new Num(value.Bits << (int)n, value.Unsigned);
        if (value.Unsigned) return result;
        // Signed: overflow when shifting back does not give the original.
        return result with { Overflow = ShiftRight(result, n).Bits != value.Bits };
    }

    private static Num ShiftRight(Num value, ulong n)
    {
        var negative = !value.Unsigned && !value.SignBitClear;
        if (n >= 64) return new Num(negative ? ulong.MaxValue : 0, value.Unsigned);
        var bits = negative ? unchecked((ulong)((long)value.Bits >> (int)n)) : value.Bits >> (int)n;
        return new Num(bits, value.Unsigned);
    }

    public static Num Multiply(Num a, Num b)
    {
        var unsigned = a.Unsigned || b.Unsigned;
        var negate = false;
        if (!unsigned)
        {
            if (!a.SignBitClear) { negate = !negate; a = Negate(a); }
            if (!b.SignBitClear) { negate = !negate; b = Negate(b); }
        }
        var product = (UInt128)a.Bits * b.Bits;
        var overflow = (ulong)(product >> 64) != 0;
        var result = new Num((ulong)product, unsigned);
        if (negate) result = Negate(result);
        if (unsigned) return result with { Overflow = false };
        return result with { Overflow = overflow || (result.SignBitClear ^ !negate && !result.IsZero) };
    }

    /// <summary>
    /// / and %: the quotient truncates toward zero and the remainder has the
    /// sign of the dividend. Division by zero returns the dividend with its own
    /// type (as gcc does, after making a negative signed one positive); the
    /// caller reports it.
    /// </summary>
    public static Num Divide(Num a, Num b, bool remainder, out bool divisionByZero)
    {
        var unsigned = a.Unsigned || b.Unsigned;
        var negate = false;
        var dividendNegative = false;
        if (!unsigned)
        {
            if (!a.SignBitClear) { negate = !negate; dividendNegative = true; a = Negate(a); }
            if (!b.SignBitClear) { negate = !negate; b = Negate(b); }
        }
        divisionByZero = b.IsZero;
        if (divisionByZero) return a;
        if (!remainder)
        {
            var quotient = new Num(a.Bits / b.Bits, unsigned);
            if (unsigned) return quotient;
            if (negate) quotient = Negate(quotient);
            return quotient with { Overflow = quotient.SignBitClear ^ !negate && !quotient.IsZero };
        }
        var rest = new Num(a.Bits % b.Bits, unsigned);
        return dividendNegative ? Negate(rest) : rest;
    }

    public static Num Compare(Num a, Num b, Func<int, bool> test)
    {
        var unsigned = a.Unsigned || b.Unsigned;
        var order = unsigned ? a.Bits.CompareTo(b.Bits) : unchecked((long)a.Bits).CompareTo(unchecked((long)b.Bits));
        return Num.Bool(test(order));
    }

    public static Num Equal(Num a, Num b, bool equal) => Num.Bool((a.Bits == b.Bits) == equal);

    public static Num Bitwise(Num a, Num b, Func<ulong, ulong, ulong> op) => new(op(a.Bits, b.Bits), a.Unsigned || b.Unsigned);
}
