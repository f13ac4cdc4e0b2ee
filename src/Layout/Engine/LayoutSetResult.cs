using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>The layouts that could be computed, and an issue for each type that could not (those are absent from <c>Set</c>).</summary>
public sealed record LayoutSetResult(LayoutSet Set, ImmutableArray<LayoutIssue> Issues)
{
    public bool Equals(LayoutSetResult? other) =>
        other is not null && Set.Equals(other.Set) && Structural.SequenceEqual(Issues, other.Issues);

    public override int GetHashCode() => HashCode.Combine(Set, Structural.SequenceHash(Issues));
}
