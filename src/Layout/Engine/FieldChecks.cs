using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// The C front end's checks and settings on member declarations before layout
/// (c-decl.cc check_bitfield_type_and_width, grokfield and finish_struct):
/// errors become problems, and DECL_PACKED is decided.
/// </summary>
internal static class FieldChecks
{
    /// <summary>The members' infos; every member type's facts asked for are also added to <paramref name="factsRead"/> when given.</summary>
    public static LayoutResult<FieldInfo[]> Prepare(RecordDefinition definition, TypeMeasurer measurer, TargetInfo target, List<LayoutResult<TypeFacts>>? factsRead = null)
    {
        var fields = definition.Fields;
        var infos = new FieldInfo[fields.Length];
        var sawNamedMember = false;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            var context = $"{definition.Id.Spelling}, member {field.Name ?? "<unnamed>"}";
            var factsResult = measurer.Facts(field.Type);
            factsRead?.Add(factsResult);
            if (!factsResult.TryGet(out var facts)) return Fail(factsResult.Problem.Within(context));

            var problem = field.IsBitField
                ? CheckBitField(field, facts)
                : CheckMember(field, facts, definition, isLast: i == fields.Length - 1, sawNamedMember);
            if (problem is not null) return Fail(problem.Within(context));

            long? alignBits = null;
            if (field.Attributes.Aligned is { } aligned)
            {
                var alignment = AlignmentAttributes.ToBits(aligned, target);
                if (!alignment.TryGet(out var bits)) return Fail(alignment.Problem.Within(context));
                alignBits = bits;
            }

            // DECL_PACKED: handle_packed_attribute ignores packed on a byte-aligned member unless it is a bit-field,
            // and finish_struct packs the same members of a packed record (gcc 12 confirms: a char bit-field in a
            // packed struct crosses byte boundaries, with the note "offset of packed bit-field changed in GCC 4.4").
            var packable = facts.AlignBits > 8 || field.IsBitField;
            var declPacked = packable && (field.Attributes.Packed || definition.Attributes.Packed);

            infos[i] = new FieldInfo(field, facts, alignBits, declPacked);
            if (field.Name is not null || field.Type.StripTypedefsAndQualifiers() is RecordType) sawNamedMember = true;
        }
        return LayoutResult<FieldInfo[]>.Ok(infos);
    }

    /// <summary>C11 6.7.2.1p4-5 and GCC: an integer, <c>_Bool</c> or enum type, width within its precision, no named zero-width field.</summary>
    private static LayoutProblem? CheckBitField(Field field, TypeFacts facts)
    {
        var width = field.BitWidth!.Value;
        if (facts.Class != TypeClass.Integer) return new(LayoutProblemKind.InvalidBitFieldType, $"bit-field has invalid type {field.Type.Spelling}");
        if (!facts.IsComplete) return new(LayoutProblemKind.IncompleteType, $"bit-field has incomplete type {field.Type.Spelling}");
        if (width < 0) return new(LayoutProblemKind.NegativeBitFieldWidth, $"negative width {width} in bit-field");
        if (width == 0 && field.Name is not null) return new(LayoutProblemKind.NamedZeroWidthBitField, "zero width for named bit-field");
        if (width > facts.Precision) return new(LayoutProblemKind.BitFieldTooWide, $"width {width} exceeds its type {field.Type.Spelling} ({facts.Precision} bits)");
        return null;
    }

    private static LayoutProblem? CheckMember(Field field, TypeFacts facts, RecordDefinition definition, bool isLast, bool sawNamedMember)
    {
        if (facts.Class is TypeClass.Void or TypeClass.Function)
        {
            return new(LayoutProblemKind.InvalidMemberType, $"member has {(facts.Class == TypeClass.Void ? "void" : "function")} type {field.Type.Spelling}");
        }
        if (facts.IsComplete) return null;
        if (field.Type.StripTypedefsAndQualifiers() is not ArrayType { Length: null })
        {
            return new(LayoutProblemKind.IncompleteType, $"member has incomplete type {field.Type.Spelling}");
        }
        // A flexible array member (C11 6.7.2.1p18), with finish_struct's three errors.
        if (definition.Kind == AggregateKind.Union) return new(LayoutProblemKind.MisplacedFlexibleArray, "flexible array member in union");
        if (!isLast) return new(LayoutProblemKind.MisplacedFlexibleArray, "flexible array member not at end of struct");
        if (!sawNamedMember) return new(LayoutProblemKind.MisplacedFlexibleArray, "flexible array member in a struct with no named members");
        return null;
    }

    private static LayoutResult<FieldInfo[]> Fail(LayoutProblem problem) => LayoutResult<FieldInfo[]>.Fail(problem);
}
