using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// The widths and signedness of the integer types as the constant evaluator
/// needs them for C's conversions (C11 6.3.1): ranks are fixed by the
/// standard, precisions by the data model. <see cref="Lp64"/> is x86-64 System V
/// (psABI table 3.1); <c>PlainCharIsUnsigned</c> is gcc's -funsigned-char (the
/// kernel passes it from 6.2 on).
/// </summary>
public sealed record IntegerModel(int ShortBits, int IntBits, int LongBits, int LongLongBits, bool PlainCharIsUnsigned)
{
    public static IntegerModel Lp64 { get; } = new(16, 32, 64, 64, false);

    /// <summary><c>size_t</c>, the type of <c>sizeof</c> and <c>offsetof</c> (C11 7.19).</summary>
    public ScalarKind SizeType => LongBits == 64 ? ScalarKind.UnsignedLong : ScalarKind.UnsignedInt;

    /// <summary><c>ptrdiff_t</c>, the type of a pointer difference.</summary>
    public ScalarKind PtrDiffType => LongBits == 64 ? ScalarKind.Long : ScalarKind.Int;

    /// <summary>Value bits plus sign bit of an integer type (1 for <c>_Bool</c>).</summary>
    public int Precision(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => 1,
        ScalarKind.Char or ScalarKind.SignedChar or ScalarKind.UnsignedChar => 8,
        ScalarKind.Short or ScalarKind.UnsignedShort => ShortBits,
        ScalarKind.Int or ScalarKind.UnsignedInt => IntBits,
        ScalarKind.Long or ScalarKind.UnsignedLong => LongBits,
        ScalarKind.LongLong or ScalarKind.UnsignedLongLong => LongLongBits,
        ScalarKind.Int128 or ScalarKind.UnsignedInt128 => 128,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an integer type"),
    };

    public bool IsUnsigned(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool or ScalarKind.UnsignedChar or ScalarKind.UnsignedShort or ScalarKind.UnsignedInt
            or ScalarKind.UnsignedLong or ScalarKind.UnsignedLongLong or ScalarKind.UnsignedInt128 => true,
        ScalarKind.Char => PlainCharIsUnsigned,
        _ => false,
    };

    /// <summary>Integer conversion rank (C11 6.3.1.1p1); signed and unsigned of one type share it.</summary>
    public static int Rank(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => 0,
        ScalarKind.Char or ScalarKind.SignedChar or ScalarKind.UnsignedChar => 1,
        ScalarKind.Short or ScalarKind.UnsignedShort => 2,
        ScalarKind.Int or ScalarKind.UnsignedInt => 3,
        ScalarKind.Long or ScalarKind.UnsignedLong => 4,
        ScalarKind.LongLong or ScalarKind.UnsignedLongLong => 5,
        ScalarKind.Int128 or ScalarKind.UnsignedInt128 => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not an integer type"),
    };

    /// <summary>Integer promotion (C11 6.3.1.1p2): below int's rank, to int (every such type fits in int here).</summary>
    public ScalarKind Promote(ScalarKind kind) =>
        Rank(kind) < Rank(ScalarKind.Int) && Precision(kind) < IntBits + (IsUnsigned(kind) ? 0 : 1) ? ScalarKind.Int
        : Rank(kind) < Rank(ScalarKind.Int) ? ScalarKind.UnsignedInt
        : kind;

    /// <summary>The usual arithmetic conversions for two integer types (C11 6.3.1.8p1), after promotion.</summary>
    public ScalarKind Common(ScalarKind a, ScalarKind b)
    {
        a = Promote(a);
        b = Promote(b);
        if (a == b) return a;
        bool ua = IsUnsigned(a), ub = IsUnsigned(b);
        if (ua == ub) return Rank(a) >= Rank(b) ? a : b;
        var (unsigned, signed) = ua ? (a, b) : (b, a);
        if (Rank(unsigned) >= Rank(signed)) return unsigned;
        if (Precision(signed) > Precision(unsigned)) return signed;
        return ToUnsigned(signed);
    }

    public static ScalarKind ToUnsigned(ScalarKind kind) => kind switch
    {
        ScalarKind.Char or ScalarKind.SignedChar => ScalarKind.UnsignedChar,
        ScalarKind.Short => ScalarKind.UnsignedShort,
        ScalarKind.Int => ScalarKind.UnsignedInt,
        ScalarKind.Long => ScalarKind.UnsignedLong,
        ScalarKind.LongLong => ScalarKind.UnsignedLongLong,
        ScalarKind.Int128 => ScalarKind.UnsignedInt128,
        _ => kind,
    };

    /// <summary>
    /// A value converted to an integer type (C11 6.3.1.3): <c>_Bool</c> tests
    /// against zero; others keep the low bits, sign-extended for signed types
    /// (gcc's implementation-defined choice, which is also its constant folding).
    /// Values are kept as <see cref="Int128"/>; an <c>unsigned __int128</c> above
    /// 2^127 is kept as its bit pattern (negative).
    /// </summary>
    public Int128 Convert(Int128 value, ScalarKind kind)
    {
        if (kind == ScalarKind.Bool) return value != 0 ? 1 : 0;
        var bits = Precision(kind);
        if (bits >= 128) return value;
        var mask = (Int128.One << bits) - 1;
        var low = value & mask;
        if (!IsUnsigned(kind) && (low >> (bits - 1)) != 0) low -= Int128.One << bits;
        return low;
    }

    /// <summary>Whether a mathematical value is representable in the type.</summary>
    public bool Fits(Int128 value, ScalarKind kind)
    {
        if (kind == ScalarKind.UnsignedInt128) return value >= 0;
        return Convert(value, kind) == value;
    }
}
