using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// A member declaration as GCC's layout sees it after the C front end's
/// finish_struct: its type's facts, the alignment its own <c>aligned</c>
/// attribute asks for (DECL_ALIGN with DECL_USER_ALIGN before layout), and
/// DECL_PACKED.
/// </summary>
internal readonly record struct FieldInfo(Field Field, TypeFacts Facts, long? AttributeAlignBits, bool DeclPacked)
{
    public long Width => Field.BitWidth ?? 0;
}

/// <summary>GCC's layout_decl result for a field: DECL_ALIGN, DECL_USER_ALIGN, and whether it is still DECL_BIT_FIELD.</summary>
internal readonly record struct DeclLayout(long AlignBits, bool UserAlign, bool IsBitField);
