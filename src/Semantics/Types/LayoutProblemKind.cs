namespace LayoutExpert.Semantics.Types;

/// <summary>Why a size, alignment or offset cannot be given.</summary>
public enum LayoutProblemKind
{
    /// <summary>A complete type was needed (member, array element, sizeof) and the type is incomplete (C11 6.7.2.1p3).</summary>
    IncompleteType,
    NegativeArraySize,
    ArrayTooLarge,
    /// <summary>GCC: "alignment of array elements is greater than element size".</summary>
    ArrayElementAlignment,
    /// <summary>A bit-field wider than its type's precision (C11 6.7.2.1p4).</summary>
    BitFieldTooWide,
    NegativeBitFieldWidth,
    /// <summary>A named bit-field of width 0 (C11 6.7.2.1p3).</summary>
    NamedZeroWidthBitField,
    /// <summary>A bit-field of a type that is not an integer, <c>_Bool</c> or enum type.</summary>
    InvalidBitFieldType,
    /// <summary>A flexible array member where C forbids one (C11 6.7.2.1p18; GCC: in a union, not last, no named member before).</summary>
    MisplacedFlexibleArray,
    /// <summary>An <c>aligned</c> value that is not a positive power of two or exceeds the object file maximum.</summary>
    InvalidAlignment,
    InvalidVectorSize,
    InvalidMode,
    /// <summary>A member of function or void type.</summary>
    InvalidMemberType,
    /// <summary>A struct or union containing itself.</summary>
    RecursiveType,
    /// <summary>The randstruct plugin shuffles this struct with a build-time seed: no layout can be computed from the headers.</summary>
    RandomizedLayout,
    /// <summary>An <c>offsetof</c> designator names no member.</summary>
    NoSuchMember,
    /// <summary>An <c>offsetof</c> designator steps into something that is not a struct/union (for a member) or not an array (for an index).</summary>
    InvalidDesignator,
    /// <summary><c>offsetof</c> of a bit-field (C11 7.19p3).</summary>
    OffsetOfBitField,
    Unsupported,
}
