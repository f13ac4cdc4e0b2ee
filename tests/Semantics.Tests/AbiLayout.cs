using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests;

/// <summary>
/// Layout answers for tests of the Semantics project, which cannot use the
/// Layout project's engine: the x86-64 psABI sizes of scalars and pointers
/// (table 3.1), arrays of them, and enums of int or long per gcc's rule for
/// values that fit. Records have no answer here (their layouts are proven in
/// tests/Layout.Tests/Proof against gcc).
/// </summary>
public sealed class AbiLayout(ITypeDefinitions definitions) : ITypeLayoutQueries
{
    public LayoutResult<long> SizeOf(CType type) => Size(type) is { } size
        ? LayoutResult<long>.Ok(size)
        : LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no size for " + type.Spelling + " in tests");

    public LayoutResult<long> AlignOf(CType type) => Align(type) is { } align
        ? LayoutResult<long>.Ok(align)
        : LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no alignment for " + type.Spelling + " in tests");

    public LayoutResult<long> OffsetOf(CType type, ImmutableArray<Designator> designator) =>
        LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no offsets in tests");

    public LayoutResult<ScalarKind> ScalarOf(CType type)
    {
        switch (type.StripTypedefsAndQualifiers())
        {
            case ScalarType s: return LayoutResult<ScalarKind>.Ok(s.Kind);
            case EnumType e when definitions.FindEnum(e.Id) is { } definition:
            {
                var values = definition.Enumerators.Select(x => x.Value).DefaultIfEmpty(0).ToList();
                var unsigned = values.Min() >= 0;
                var fitsInt = unsigned ? values.Max() <= uint.MaxValue : values.Min() >= int.MinValue && values.Max() <= int.MaxValue;
                return LayoutResult<ScalarKind>.Ok(fitsInt
                    ? unsigned ? ScalarKind.UnsignedInt : ScalarKind.Int
                    : unsigned ? ScalarKind.UnsignedLong : ScalarKind.Long);
            }
            default: return LayoutResult<ScalarKind>.Fail(LayoutProblemKind.Unsupported, type.Spelling + " is not a scalar");
        }
    }

    private long? Size(CType type) => type.StripTypedefsAndQualifiers() switch
    {
        ScalarType s => Scalar(s.Kind).Size,
        PointerType => 8,
        EnumType e => ScalarOf(e).TryGet(out var k) ? Scalar(k).Size : null,
        ArrayType { Length: { } n } a => Size(a.Element) * n,
        VoidType or FunctionType => 1,
        _ => null,
    };

    private long? Align(CType type) => type.StripTypedefsAndQualifiers() switch
    {
        ScalarType s => Scalar(s.Kind).Align,
        PointerType => 8,
        EnumType e => ScalarOf(e).TryGet(out var k) ? Scalar(k).Align : null,
        ArrayType a => Align(a.Element),
        VoidType or FunctionType => 1,
        _ => null,
    };

    private static (long Size, long Align) Scalar(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool or ScalarKind.Char or ScalarKind.SignedChar or ScalarKind.UnsignedChar => (1, 1),
        ScalarKind.Short or ScalarKind.UnsignedShort or ScalarKind.Float16 => (2, 2),
        ScalarKind.Int or ScalarKind.UnsignedInt or ScalarKind.Float => (4, 4),
        ScalarKind.Long or ScalarKind.UnsignedLong or ScalarKind.LongLong or ScalarKind.UnsignedLongLong or ScalarKind.Double => (8, 8),
        ScalarKind.ComplexFloat => (8, 4),
        ScalarKind.ComplexDouble => (16, 8),
        ScalarKind.ComplexLongDouble => (32, 16),
        _ => (16, 16),
    };
}
