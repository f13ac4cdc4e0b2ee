using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Where one member declaration went: its bit offset from the start of the
/// record, the bits it occupies (the width for a bit-field, 0 for a flexible
/// array), and the alignment gcc gave the member (DECL_ALIGN: what
/// <c>__alignof__(s.member)</c> answers; 1 bit for most bit-fields).
/// </summary>
public sealed record FieldPlacement(Field Field, long BitOffset, long SizeBits, long AlignmentBits)
{
    public string? Name => Field.Name;

    public CType Type => Field.Type;

    public bool IsBitField => Field.IsBitField;

    /// <summary>Unnamed bit-fields are padding, not members (C11 6.7.2.1p12); DWARF omits them.</summary>
    public bool IsPadding => Field.Name is null && Field.IsBitField;

    public long ByteOffset => BitOffset / 8;

    /// <summary>The member's alignment in whole bytes (at least 1).</summary>
    public long AlignmentBytes => Math.Max(1, AlignmentBits / 8);
}
