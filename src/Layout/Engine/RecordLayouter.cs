using System.Collections.Immutable;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// GCC's record layout (gcc/stor-layout.cc: start_record_layout, layout_decl,
/// update_alignment_for_field, place_field, place_union_field,
/// finalize_record_size), followed step by step, positions and alignments in
/// bits. Only what the C front end on a PCC_BITFIELD_TYPE_MATTERS target can
/// reach is here (no MS bit-field layout, no variable-size members, no
/// -fpack-struct).
/// </summary>
internal sealed class RecordLayouter(LayoutEngine engine)
{
    private TargetInfo Target => engine.Target;

    /// <summary>The layout of a definition; <paramref name="memberFacts"/>, when given, receives the facts of the member types as they are read.</summary>
    public LayoutResult<RecordShape> Layout(RecordDefinition definition, List<LayoutResult<TypeFacts>>? memberFacts)
    {
        var attributes = definition.Attributes;

        // start_record_layout: TYPE_ALIGN is set by the record's aligned attribute, else a byte.
        long typeAlign = 8;
        if (attributes.Aligned is { } aligned)
        {
            var alignment = AlignmentAttributes.ToBits(aligned, Target);
            if (!alignment.TryGet(out var bits)) return LayoutResult<RecordShape>.Fail(alignment.Problem.Within(definition.Id.Spelling));
            typeAlign = bits;
        }
        // maximum_field_alignment: #pragma pack(N) at the closing brace.
        long maxFieldAlign = attributes.PackPragma is > 0 and var pack ? pack * 8L : 0;

        var prepared = FieldChecks.Prepare(definition, engine.Measurer, Target, memberFacts);
        if (!prepared.TryGet(out var fields)) return LayoutResult<RecordShape>.Fail(prepared.Problem);

        if (RandstructRule.Shuffles(definition, engine.Options, engine.Definitions))
        {
            return LayoutResult<RecordShape>.Fail(LayoutProblemKind.RandomizedLayout,
                $"{definition.Id.Spelling}: the randstruct plugin shuffles its members with the build's seed; its layout cannot be computed");
        }

        var state = new State
        {
            RecordAlign = Math.Max(8, typeAlign),
            UserAlign = attributes.Aligned is not null,
            MaxFieldAlign = maxFieldAlign,
        };
        state.OffsetAlign = Math.Max(state.RecordAlign, Target.BiggestAlignmentBits);
        if (!attributes.Packed && Target.StructureSizeBoundaryBits is { } boundary)
        {
            state.RecordAlign = Math.Max(state.RecordAlign, maxFieldAlign != 0 ? Math.Min(boundary, maxFieldAlign) : boundary);
        }

        try
        {
            return Place(definition, fields, typeAlign, state);
        }
        catch (OverflowException)
        {
            return LayoutResult<RecordShape>.Fail(LayoutProblemKind.ArrayTooLarge, $"{definition.Id.Spelling} is too large");
        }
    }

    private LayoutResult<RecordShape> Place(RecordDefinition definition, FieldInfo[] fields, long typeAlign, State state)
    {
        var placements = ImmutableArray.CreateBuilder<FieldPlacement>(fields.Length);
        long sizeBits;
        if (definition.Kind == AggregateKind.Union)
        {
            long sizeBytes = 0;
            foreach (var field in fields) placements.Add(PlaceUnionField(field, state, ref sizeBytes));
            sizeBits = sizeBytes * 8;
        }
        else
        {
            foreach (var field in fields) placements.Add(PlaceField(field, state));
            sizeBits = state.Offset + state.BitPos;
        }

        // finalize_record_size: TYPE_ALIGN = MAX (TYPE_ALIGN, record_align); size rounded up to it (tail padding).
        var align = Math.Max(typeAlign, state.RecordAlign);
        var size = Bits.RoundUp(sizeBits, align);
        return LayoutResult<RecordShape>.Ok(new RecordShape(definition, size / 8, align / 8, state.UserAlign, placements.MoveToImmutable()));
    }

    /// <summary>place_field for a struct member.</summary>
    private FieldPlacement PlaceField(FieldInfo field, State state)
    {
        // The alignment the position already has (0 at the start of the record).
        var knownAlign = state.BitPos != 0 ? Bits.LowestSetBit(state.BitPos)
            : state.Offset == 0 ? 0
            : Bits.LowestSetBit(state.Offset);
        var decl = UpdateAlignmentForField(field, knownAlign, state);
        if (knownAlign == 0) knownAlign = Math.Max(Target.BiggestAlignmentBits, state.RecordAlign);

        if (knownAlign < decl.AlignBits)
        {
            if (decl.AlignBits < state.OffsetAlign)
            {
                state.BitPos = Bits.RoundUp(state.BitPos, decl.AlignBits);
            }
            else
            {
                state.Offset = Bits.RoundUp(state.Offset + Bits.CeilBytes(state.BitPos) * 8, decl.AlignBits);
                state.BitPos = 0;
            }
        }

        // PCC_BITFIELD_TYPE_MATTERS: a bit-field may not span more units of its type's alignment than its type does.
        // Skipped under #pragma pack; packed bit-fields only get a warning ("offset of packed bit-field has changed in GCC 4.4").
        if (Target.PccBitfieldTypeMatters
            && decl.IsBitField
            && (!field.DeclPacked || field.Facts.AlignBits <= 8)
            && state.MaxFieldAlign == 0
            && field.Width != 0
            && field.Facts.SizeBits is { } typeSize)
        {
            var typeAlign = BitFieldTypeAlign(field.Facts);
            if (!field.DeclPacked && ExcessUnitSpan(state.Offset + state.BitPos, field.Width, typeAlign, typeSize))
            {
                // GCC rounds only the bit position within the current OffsetAlign chunk, not the whole position:
                // for a type aligned beyond BIGGEST_ALIGNMENT (an aligned(32) typedef) the two differ, and gcc 12
                // places the field at Offset + RoundUp(BitPos, typeAlign).
                state.BitPos = Bits.RoundUp(state.BitPos, typeAlign);
            }
            if (!field.DeclPacked) state.UserAlign |= field.Facts.UserAlign;
        }
        state.Normalize();

        // A flexible array member has no size (TYPE_SIZE is NULL): it takes no room.
        var size = field.Field.IsBitField ? field.Width : field.Facts.SizeBits ?? 0;
        var placement = new FieldPlacement(field.Field, state.Offset + state.BitPos, size, decl.AlignBits);
        state.BitPos = checked(state.BitPos + size);
        state.Normalize();
        return placement;
    }

    /// <summary>place_union_field: every member at offset 0; the union is as large as its largest member in whole bytes (DECL_SIZE_UNIT).</summary>
    private FieldPlacement PlaceUnionField(FieldInfo field, State state, ref long sizeBytes)
    {
        var decl = UpdateAlignmentForField(field, knownAlign: 0, state);
        var size = field.Field.IsBitField ? field.Width : field.Facts.SizeBits ?? 0;
        sizeBytes = Math.Max(sizeBytes, Bits.CeilBytes(size));
        return new FieldPlacement(field.Field, 0, size, decl.AlignBits);
    }

    /// <summary>
    /// update_alignment_for_field: lays the field out (layout_decl) and raises the
    /// record's alignment. A named bit-field raises it to its declared type's
    /// alignment; an unnamed one does not touch it (TARGET_ALIGN_ANON_BITFIELD is
    /// false on x86), whatever its width.
    /// </summary>
    private DeclLayout UpdateAlignmentForField(FieldInfo field, long knownAlign, State state)
    {
        var decl = LayoutDecl(field, knownAlign, state.MaxFieldAlign);
        var userAlign = decl.UserAlign;
        if (field.Field.IsBitField && Target.PccBitfieldTypeMatters && field.Facts.SizeBits != 0)
        {
            if (field.Field.Name is not null || Target.AlignAnonymousBitfields)
            {
                var typeAlign = BitFieldTypeAlign(field.Facts);
                // A zero-width bit-field would only be capped by -fpack-struct (initial_max_fld_align), not modelled.
                if (field.Width != 0)
                {
                    if (state.MaxFieldAlign != 0) typeAlign = Math.Min(typeAlign, state.MaxFieldAlign);
                    else if (field.DeclPacked) typeAlign = Math.Min(typeAlign, 8);
                }
                state.RecordAlign = Math.Max(state.RecordAlign, decl.AlignBits);
                state.RecordAlign = Math.Max(state.RecordAlign, typeAlign);
                userAlign |= field.Facts.UserAlign;
            }
        }
        else
        {
            state.RecordAlign = Math.Max(state.RecordAlign, decl.AlignBits);
        }
        state.UserAlign |= userAlign;
        return decl;
    }

    /// <summary>
    /// layout_decl for a FIELD_DECL: DECL_ALIGN starts at the member's own
    /// aligned attribute (or 1 bit); a non-bit-field takes its type's alignment
    /// unless it is packed and explicitly aligned; packing then caps it at a byte
    /// unless the member itself asked for an alignment (packing supersedes
    /// alignment inherited from the type, but not alignment written on the member).
    /// A zero-width bit-field takes its type's alignment and ignores packing.
    /// A bit-field whose width is exactly an integer mode's, at a position
    /// aligned for that mode, becomes an ordinary field of that mode's alignment.
    /// </summary>
    private DeclLayout LayoutDecl(FieldInfo field, long knownAlign, long maxFieldAlign)
    {
        var facts = field.Facts;
        var align = field.AttributeAlignBits ?? 1;
        var userAlign = field.AttributeAlignBits is not null;
        var explicitlyAligned = userAlign;
        var packed = field.DeclPacked;
        var isBitField = field.Field.IsBitField;
        var zeroWidth = false;

        if (isBitField)
        {
            if (field.Width == 0)
            {
                zeroWidth = true;
                packed = false;
                TakeTypeAlignment(ref align, ref userAlign, facts);
            }
            if (facts.SizeBits is not null
                && facts.Class == TypeClass.Integer
                && Target.IntegerModeAlignmentBits(field.Width) is { } modeAlign
                && !(modeAlign > 8 && field.DeclPacked)
                && (knownAlign == 0 || knownAlign >= modeAlign))
            {
                align = Math.Max(modeAlign, align);
                isBitField = false;
            }
        }
        else if (!(packed && userAlign))
        {
            TakeTypeAlignment(ref align, ref userAlign, facts);
        }

        if (packed && !explicitlyAligned) align = Math.Min(align, 8);

        if (!packed && !userAlign)
        {
            if (Target.BiggestFieldAlignmentBits is { } biggest) align = Math.Min(align, biggest);
            align = Target.AdjustFieldAlignmentBits(facts.AlignClass, align);
        }

        var limit = zeroWidth ? 0 : maxFieldAlign;
        if (limit != 0) align = Math.Min(align, limit);
        return new DeclLayout(align, userAlign, isBitField);
    }

    /// <summary>do_type_align: a declaration takes its type's alignment when larger, and its TYPE_USER_ALIGN with it.</summary>
    private static void TakeTypeAlignment(ref long align, ref bool userAlign, TypeFacts facts)
    {
        if (facts.AlignBits > align)
        {
            align = facts.AlignBits;
            userAlign = facts.UserAlign;
        }
    }

    /// <summary>The declared type's alignment as bit-field rules use it (ADJUST_FIELD_ALIGN unless the type was explicitly aligned).</summary>
    private long BitFieldTypeAlign(TypeFacts facts) =>
        facts.UserAlign ? facts.AlignBits : Target.AdjustFieldAlignmentBits(facts.AlignClass, facts.AlignBits);

    /// <summary>
    /// excess_unit_span: whether a bit-field of <paramref name="width"/> bits at
    /// <paramref name="position"/> would touch more <paramref name="align"/>-bit
    /// units than its type has (usually one; more for a type whose typedef
    /// lowered its alignment below its size).
    /// </summary>
    private static bool ExcessUnitSpan(long position, long width, long align, long typeSize)
    {
        var offset = position % align;
        return (offset + width + align - 1) / align > typeSize / align;
    }

    /// <summary>
    /// GCC's record_layout_info. The position is kept as GCC keeps it, in two
    /// parts: <c>Offset</c>, a multiple of <c>OffsetAlign</c> (the record's
    /// initial alignment, at least BIGGEST_ALIGNMENT), and <c>BitPos</c> within it;
    /// one bit-field rule rounds <c>BitPos</c> alone, so the split shows.
    /// </summary>
    private sealed class State
    {
        public long Offset;
        public long BitPos;
        public long OffsetAlign;
        public long RecordAlign;
        public bool UserAlign;
        public long MaxFieldAlign;

        /// <summary>normalize_rli: moves whole OffsetAlign chunks from BitPos to Offset.</summary>
        public void Normalize()
        {
            if (BitPos < OffsetAlign) return;
            Offset += BitPos / OffsetAlign * OffsetAlign;
            BitPos %= OffsetAlign;
        }
    }
}
