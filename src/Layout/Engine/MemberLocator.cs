using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Follows an <c>offsetof</c> designator (<c>a.b[2].c</c>) through laid-out
/// records and arrays, finding members of anonymous structs/unions through
/// them (C11 6.7.2.1p13).
/// </summary>
internal static class MemberLocator
{
    public static LayoutResult<MemberLocation> Locate(LayoutEngine engine, CType type, ImmutableArray<Designator> designator)
    {
        if (designator.IsDefaultOrEmpty || designator[0] is not MemberDesignator)
        {
            return Fail(LayoutProblemKind.InvalidDesignator, "an offsetof designator starts with a member name");
        }
        var current = type;
        long offset = 0;
        long? width = null;
        long align = 8;
        foreach (var step in designator)
        {
            if (width is not null) return Fail(LayoutProblemKind.InvalidDesignator, $"cannot apply {step} to a bit-field");
            switch (step)
            {
                case MemberDesignator member:
                {
                    if (current.StripTypedefsAndQualifiers() is not RecordType record)
                    {
                        return Fail(LayoutProblemKind.InvalidDesignator, $"{current.Spelling} is not a struct or union (looking for member {member.Name})");
                    }
                    var found = Find(engine, record.Id, member.Name, depth: 0);
                    if (!found.TryGet(out var hit)) return LayoutResult<MemberLocation>.Fail(found.Problem);
                    offset += hit.Offset;
                    current = hit.Placement.Type;
                    width = hit.Placement.Field.BitWidth;
                    align = hit.Placement.AlignmentBits;
                    break;
                }
                case IndexDesignator index:
                {
                    if (current.StripTypedefsAndQualifiers() is not ArrayType array)
                    {
                        return Fail(LayoutProblemKind.InvalidDesignator, $"{current.Spelling} is not an array (index {index.Index})");
                    }
                    var element = engine.Measurer.Facts(array.Element);
                    if (!element.TryGet(out var facts)) return LayoutResult<MemberLocation>.Fail(element.Problem);
                    var elementBits = facts.SizeBits ?? 0;
                    if (elementBits != 0 && Math.Abs(index.Index) > (long.MaxValue / 2 - Math.Abs(offset)) / elementBits)
                    {
                        return Fail(LayoutProblemKind.ArrayTooLarge, $"index {index.Index} overflows the offset");
                    }
                    offset += index.Index * elementBits;
                    current = array.Element;
                    align = facts.AlignBits;
                    break;
                }
            }
        }
        return LayoutResult<MemberLocation>.Ok(new MemberLocation(offset, current, width, align));
    }

    private static LayoutResult<(long Offset, FieldPlacement Placement)> Find(LayoutEngine engine, RecordId id, string name, int depth)
    {
        if (engine.Definitions.FindRecord(id) is null)
        {
            return LayoutResult<(long, FieldPlacement)>.Fail(LayoutProblemKind.IncompleteType, $"{id.Spelling} is incomplete");
        }
        var shape = engine.LayoutRecord(id);
        if (!shape.TryGet(out var record)) return LayoutResult<(long, FieldPlacement)>.Fail(shape.Problem);
        foreach (var placement in record.Fields)
        {
            if (placement.Name == name) return LayoutResult<(long, FieldPlacement)>.Ok((placement.BitOffset, placement));
        }
        foreach (var placement in record.Fields)
        {
            if (!placement.Field.IsAnonymousMember || depth > 64) continue;
            if (placement.Type.StripTypedefsAndQualifiers() is not RecordType inner) continue;
            var nested = Find(engine, inner.Id, name, depth + 1);
            if (nested.TryGet(out var hit)) return LayoutResult<(long, FieldPlacement)>.Ok((placement.BitOffset + hit.Offset, hit.Placement));
        }
        return LayoutResult<(long, FieldPlacement)>.Fail(LayoutProblemKind.NoSuchMember, $"{id.Spelling} has no member named {name}");
    }

    private static LayoutResult<MemberLocation> Fail(LayoutProblemKind kind, string message) => LayoutResult<MemberLocation>.Fail(kind, message);
}
