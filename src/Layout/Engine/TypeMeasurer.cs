using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Computes <see cref="TypeFacts"/> for any type: GCC's layout_type for
/// scalars, pointers, arrays and vectors, the typedef variants made by
/// <c>aligned</c>, and the engine's record and enum layouts.
/// </summary>
internal sealed class TypeMeasurer(LayoutEngine engine)
{
    private TargetInfo Target => engine.Target;

    public LayoutResult<TypeFacts> Facts(CType type) => type switch
    {
        VoidType => Ok(new TypeFacts(null, 8, false, TypeClass.Void)),
        ScalarType s => Ok(ScalarFacts(s.Kind)),
        PointerType => Ok(new TypeFacts(Target.PointerSizeBytes * 8, Target.PointerAlignBytes * 8, false, TypeClass.Pointer,
            AlignClass: FieldAlignmentClass.Integer)),
        ArrayType a => ArrayFacts(a),
        FunctionType => Ok(new TypeFacts(null, Target.FunctionAlignmentBits, false, TypeClass.Function)),
        RecordType r => RecordFacts(r.Id),
        EnumType e => EnumFacts(e.Id),
        TypedefType t => TypedefFacts(t),
        QualifiedType q => Facts(q.Unqualified),
        VectorType v => VectorFacts(v),
        ModeType m => ModeFacts(m),
        _ => LayoutResult<TypeFacts>.Fail(LayoutProblemKind.Unsupported, "unsupported type " + type.GetType().Name),
    };

    public TypeFacts ScalarFacts(ScalarKind kind)
    {
        var info = Target.Scalar(kind);
        var typeClass = kind.IsInteger() ? TypeClass.Integer : kind.IsComplex() ? TypeClass.Complex : TypeClass.Float;
        var alignClass = kind.IsInteger() ? FieldAlignmentClass.Integer
            : kind == ScalarKind.Double ? FieldAlignmentClass.Double
            : kind == ScalarKind.ComplexDouble ? FieldAlignmentClass.ComplexDouble
            : FieldAlignmentClass.Other;
        return new TypeFacts(info.SizeBytes * 8, info.AlignBytes * 8, false, typeClass, info.Precision, info.IsUnsigned, kind, alignClass);
    }

    private LayoutResult<TypeFacts> ArrayFacts(ArrayType array)
    {
        var elementResult = Facts(array.Element);
        if (!elementResult.TryGet(out var element)) return elementResult;
        if (element.Class == TypeClass.Function) return Fail(LayoutProblemKind.InvalidMemberType, "array of functions");
        if (!element.IsComplete) return Fail(LayoutProblemKind.IncompleteType, $"array of incomplete type {array.Element.Spelling}");
        // c-decl.cc grokdeclarator: each element must start aligned, so a nonzero element size must be a multiple of
        // the alignment (gcc: "alignment of array elements is greater than element size" / "size of array element is
        // not a multiple of its alignment"; zero-size elements are accepted).
        if (element.SizeBits!.Value % element.AlignBits != 0)
        {
            return Fail(LayoutProblemKind.ArrayElementAlignment,
                $"size of array element {array.Element.Spelling} ({element.SizeBits.Value / 8}) is not a multiple of its alignment ({element.AlignBits / 8})");
        }
        long? size = null;
        if (array.Length is { } length)
        {
            if (length < 0) return Fail(LayoutProblemKind.NegativeArraySize, $"size of array is negative ({length})");
            // Sizes are kept in bits: beyond 2^62 bits (2^59 bytes) is refused rather than overflowing.
            if (element.SizeBits.Value != 0 && length > (1L << 62) / element.SizeBits.Value)
            {
                return Fail(LayoutProblemKind.ArrayTooLarge, $"size of array is too large ({length} elements)");
            }
            size = length * element.SizeBits.Value;
        }
        return Ok(new TypeFacts(size, element.AlignBits, element.UserAlign, TypeClass.Array, AlignClass: element.AlignClass));
    }

    private LayoutResult<TypeFacts> RecordFacts(RecordId id)
    {
        if (engine.Definitions.FindRecord(id) is null) return Ok(new TypeFacts(null, 8, false, TypeClass.Record));
        return engine.LayoutRecord(id).Select(shape =>
            new TypeFacts(shape.SizeBytes * 8, shape.AlignmentBytes * 8, shape.UserAligned, TypeClass.Record));
    }

    private LayoutResult<TypeFacts> EnumFacts(EnumId id)
    {
        if (engine.Definitions.FindEnum(id) is null) return Ok(new TypeFacts(null, 8, false, TypeClass.Integer));
        return engine.LayoutEnum(id).Select(shape => ScalarFacts(shape.Underlying));
    }

    /// <summary>A typedef with <c>aligned</c> is a variant of its type with exactly that alignment, larger or smaller, and TYPE_USER_ALIGN set.</summary>
    private LayoutResult<TypeFacts> TypedefFacts(TypedefType typedef)
    {
        var target = Facts(typedef.Target);
        if (typedef.Aligned is not { } aligned || !target.TryGet(out var facts)) return target;
        var alignment = AlignmentAttributes.ToBits(aligned, Target);
        if (!alignment.TryGet(out var bits)) return LayoutResult<TypeFacts>.Fail(alignment.Problem.Within("typedef " + typedef.Name));
        return Ok(facts with { AlignBits = bits, UserAlign = true });
    }

    /// <summary>GCC vectors: N bytes of a scalar element, a power-of-two element count, aligned to their size (TARGET_VECTOR_ALIGNMENT).</summary>
    private LayoutResult<TypeFacts> VectorFacts(VectorType vector)
    {
        var elementResult = Facts(vector.Element);
        if (!elementResult.TryGet(out var element)) return elementResult;
        if (element.Class is not (TypeClass.Integer or TypeClass.Float) || element.Scalar is null or ScalarKind.Bool)
        {
            return Fail(LayoutProblemKind.InvalidVectorSize, $"invalid vector element type {vector.Element.Spelling}");
        }
        var elementBytes = element.SizeBits!.Value / 8;
        if (vector.SizeBytes <= 0 || vector.SizeBytes % elementBytes != 0 || !Bits.IsPowerOfTwo(vector.SizeBytes / elementBytes))
        {
            return Fail(LayoutProblemKind.InvalidVectorSize,
                $"vector_size({vector.SizeBytes}) of {vector.Element.Spelling} is not a power-of-two number of elements");
        }
        var sizeBits = vector.SizeBytes * 8;
        return Ok(new TypeFacts(sizeBits, Target.VectorAlignmentBits(sizeBits), false, TypeClass.Vector));
    }

    private LayoutResult<TypeFacts> ModeFacts(ModeType mode)
    {
        var baseResult = Facts(mode.Base);
        if (!baseResult.TryGet(out var baseFacts)) return baseResult;
        if (baseFacts.Class != TypeClass.Integer || baseFacts.Scalar is null)
        {
            return Fail(LayoutProblemKind.InvalidMode, $"mode({mode.Mode}) on non-integer type {mode.Base.Spelling}");
        }
        return Target.IntegerTypeForMode(mode.Mode, baseFacts.IsUnsigned) is { } kind
            ? Ok(ScalarFacts(kind))
            : Fail(LayoutProblemKind.InvalidMode, $"no integer type for mode({mode.Mode})");
    }

    private static LayoutResult<TypeFacts> Ok(TypeFacts facts) => LayoutResult<TypeFacts>.Ok(facts);

    private static LayoutResult<TypeFacts> Fail(LayoutProblemKind kind, string message) => LayoutResult<TypeFacts>.Fail(kind, message);
}
