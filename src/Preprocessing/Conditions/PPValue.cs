namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// A value of #if arithmetic: 64 bits, of type intmax_t or uintmax_t
/// (C11 6.10.1p4: "all signed integer types and all unsigned integer types act
/// as if they have the same representation as ... intmax_t and uintmax_t").
/// </summary>
public readonly record struct PPValue(ulong Bits, bool IsUnsigned)
{
    public static PPValue Zero => default;

    public static PPValue Signed(long value) => new(unchecked((ulong)value), false);

    public static PPValue Unsigned(ulong value) => new(value, true);

    public bool IsZero => Bits == 0;

    /// <summary>The value as intmax_t (the same bits).</summary>
    public long AsSigned => unchecked((long)Bits);

    /// <summary>The bit gcc's num_positive looks at: the sign bit, whatever the type.</summary>
    internal bool SignBitClear => (Bits >> 63) == 0;

    /// <summary>The value written as a C constant of its type: "-5", "18446744073709551615u".</summary>
    public override string ToString() =>
        IsUnsigned
            ? Bits.ToString(System.Globalization.CultureInfo.InvariantCulture) + "u"
            : AsSigned.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
