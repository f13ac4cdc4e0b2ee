using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The body of a struct or union: its members in declaration order and its
/// attributes. Structural equality, fields compared element by element.
/// </summary>
public sealed record RecordDefinition(RecordId Id, ImmutableArray<Field> Fields, RecordAttributes Attributes = default)
{
    public AggregateKind Kind => Id.Kind;

    public bool Equals(RecordDefinition? other) =>
        other is not null
        && Id.Equals(other.Id)
        && Attributes.Equals(other.Attributes)
        && Structural.SequenceEqual(Fields, other.Fields);

    public override int GetHashCode() => HashCode.Combine(Id, Attributes, Structural.SequenceHash(Fields));
}
