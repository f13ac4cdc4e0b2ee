using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Where an <c>offsetof</c>-style designator lands: the bit offset from the
/// start of the outer type, the member's declared type, its bit-field width
/// (null unless the last step names a bit-field), and its alignment in bits
/// (the member's DECL_ALIGN, or the element type's alignment after an index).
/// </summary>
public sealed record MemberLocation(long BitOffset, CType Type, long? BitWidth, long AlignmentBits)
{
    public bool IsBitField => BitWidth is not null;

    public long ByteOffset => BitOffset / 8;
}
