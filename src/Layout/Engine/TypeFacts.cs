using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>What the layout algorithm needs to know about a type: the subset of GCC's TYPE_* macros it reads.</summary>
internal enum TypeClass { Void, Integer, Float, Complex, Pointer, Array, Vector, Record, Function }

/// <summary>
/// GCC's view of one type: TYPE_SIZE (bits; null when incomplete or a flexible
/// array), TYPE_ALIGN (bits), TYPE_USER_ALIGN, TYPE_PRECISION and signedness for
/// integer-like types (integers, <c>_Bool</c>, enums), and the scalar it resolves
/// to when it is one (an enum's underlying type, a mode type's integer), and
/// the machine-mode class the target's field-alignment hook looks at.
/// </summary>
internal readonly record struct TypeFacts(
    long? SizeBits,
    long AlignBits,
    bool UserAlign,
    TypeClass Class,
    int Precision = 0,
    bool IsUnsigned = false,
    ScalarKind? Scalar = null,
    FieldAlignmentClass AlignClass = FieldAlignmentClass.Other)
{
    public bool IsComplete => SizeBits is not null;
}
