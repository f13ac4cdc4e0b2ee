namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// A value during evaluation: <see cref="PPValue"/> plus gcc's overflow flag,
/// which travels with the value until the next operator looks at it (cpp_num).
/// </summary>
internal readonly record struct Num(ulong Bits, bool Unsigned, bool Overflow = false)
{
    public static Num Of(PPValue value) => new(value.Bits, value.IsUnsigned);

    public static Num Bool(bool value) => new(value ? 1UL : 0UL, false);

    public PPValue Value => new(Bits, Unsigned);

    public bool IsZero => Bits == 0;

    /// <summary>gcc's num_positive: the sign bit is clear, whatever the type.</summary>
    public bool SignBitClear => (Bits >> 63) == 0;
}
