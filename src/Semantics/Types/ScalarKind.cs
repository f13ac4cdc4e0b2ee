namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The built-in arithmetic types (C11 6.2.5) plus the GNU extensions the kernel
/// can meet. Plain <c>char</c> is its own kind: its signedness is the target's.
/// </summary>
public enum ScalarKind
{
    Bool,
    Char,
    SignedChar,
    UnsignedChar,
    Short,
    UnsignedShort,
    Int,
    UnsignedInt,
    Long,
    UnsignedLong,
    LongLong,
    UnsignedLongLong,
    Int128,
    UnsignedInt128,
    Float16,
    Float,
    Double,
    LongDouble,
    /// <summary><c>_Float128</c>; gcc 12's C front end makes <c>__float128</c> the same type.</summary>
    Float128,
    ComplexFloat,
    ComplexDouble,
    ComplexLongDouble,
}

public static class ScalarKinds
{
    /// <summary>Integer types, <c>_Bool</c> and <c>char</c> included (C11 6.2.5p17): the types a bit-field may have.</summary>
    public static bool IsInteger(this ScalarKind kind) => kind <= ScalarKind.UnsignedInt128;

    public static bool IsFloating(this ScalarKind kind) => kind is >= ScalarKind.Float16 and <= ScalarKind.Float128;

    public static bool IsComplex(this ScalarKind kind) => kind >= ScalarKind.ComplexFloat;
}
