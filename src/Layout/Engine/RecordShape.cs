using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// A laid-out struct or union: size and alignment in bytes, and one placement
/// per member declaration (unnamed bit-fields included, in declaration order;
/// anonymous struct/union members keep their own shape, offsets relative to
/// them). <c>UserAligned</c> is GCC's TYPE_USER_ALIGN. Structural equality.
/// </summary>
public sealed record RecordShape(
    RecordDefinition Definition,
    long SizeBytes,
    long AlignmentBytes,
    bool UserAligned,
    ImmutableArray<FieldPlacement> Fields)
{
    public RecordId Id => Definition.Id;

    public bool Equals(RecordShape? other) =>
        other is not null
        && SizeBytes == other.SizeBytes
        && AlignmentBytes == other.AlignmentBytes
        && UserAligned == other.UserAligned
        && Definition.Equals(other.Definition)
        && Structural.SequenceEqual(Fields, other.Fields);

    public override int GetHashCode() =>
        HashCode.Combine(Definition, SizeBytes, AlignmentBytes, UserAligned, Structural.SequenceHash(Fields));
}
