using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// <see cref="AbiLayout"/> with the psABI's rule for plain structs and unions
/// (System V x86-64 psABI 3.1.2: each member at the next multiple of its
/// alignment; the size rounded up to the largest alignment; a union as large
/// as its largest member), so that sizeof a record follows its members and a
/// member edit reaches every array bound that measures it. Records with
/// bit-fields or attributes have no answer here. Reads definitions live,
/// memoises nothing.
/// </summary>
public sealed class RecordLayout(ITypeDefinitions definitions) : ITypeLayoutQueries
{
    private readonly AbiLayout _scalars = new(definitions);

    public LayoutResult<long> SizeOf(CType type) => Measure(type, 0) is { } m
        ? LayoutResult<long>.Ok(m.Size)
        : LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no size for " + type.Spelling + " in tests");

    public LayoutResult<long> AlignOf(CType type) => Measure(type, 0) is { } m
        ? LayoutResult<long>.Ok(m.Align)
        : LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no alignment for " + type.Spelling + " in tests");

    public LayoutResult<long> OffsetOf(CType type, ImmutableArray<Designator> designator)
    {
        if (designator is not [MemberDesignator { Name: var name }] || type.StripTypedefsAndQualifiers() is not RecordType record
            || definitions.FindRecord(record.Id) is not { } definition || record.Id.Kind == AggregateKind.Union)
        {
            return LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no offset in tests");
        }
        long offset = 0;
        foreach (var field in definition.Fields)
        {
            if (Measure(field.Type, 1) is not { } m) break;
            offset = (offset + m.Align - 1) / m.Align * m.Align;
            if (field.Name == name) return LayoutResult<long>.Ok(offset);
            offset += m.Size;
        }
        return LayoutResult<long>.Fail(LayoutProblemKind.Unsupported, "no offset in tests");
    }

    public LayoutResult<ScalarKind> ScalarOf(CType type) => _scalars.ScalarOf(type);

    private (long Size, long Align)? Measure(CType type, int depth)
    {
        if (depth > 32) return null;
        switch (type.StripTypedefsAndQualifiers())
        {
            case ArrayType { Length: { } n } array:
                return Measure(array.Element, depth + 1) is { } e ? (e.Size * n, e.Align) : null;
            case RecordType record when definitions.FindRecord(record.Id) is { } definition:
            {
                if (definition.Attributes != default) return null;
                long size = 0, align = 1;
                foreach (var field in definition.Fields)
                {
                    if (field.IsBitField || field.Attributes != default || Measure(field.Type, depth + 1) is not { } m) return null;
                    align = Math.Max(align, m.Align);
                    size = record.Id.Kind == AggregateKind.Union ? Math.Max(size, m.Size) : (size + m.Align - 1) / m.Align * m.Align + m.Size;
                }
                return ((size + align - 1) / align * align, align);
            }
            case RecordType:
                return null;
            default:
                var s = _scalars.SizeOf(type);
                var a = _scalars.AlignOf(type);
                return s.TryGet(out var bytes) && a.TryGet(out var alignment) ? (bytes, alignment) : null;
        }
    }
}
