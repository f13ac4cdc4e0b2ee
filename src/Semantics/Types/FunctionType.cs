using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A function type; in layouts it is only seen behind a pointer. Structural
/// equality, parameters compared element by element.
/// </summary>
public sealed record FunctionType(CType Return, ImmutableArray<CType> Parameters, bool IsVariadic = false, bool HasPrototype = true) : CType
{
    public override string Spelling =>
        Return.Spelling + " (" + (HasPrototype
            ? string.Join(", ", Parameters.Select(p => p.Spelling)) + (IsVariadic ? ", ..." : "")
            : "") + ")";

    public bool Equals(FunctionType? other) =>
        other is not null
        && Return.Equals(other.Return)
        && IsVariadic == other.IsVariadic
        && HasPrototype == other.HasPrototype
        && Structural.SequenceEqual(Parameters, other.Parameters);

    public override int GetHashCode() =>
        HashCode.Combine(Return, IsVariadic, HasPrototype, Structural.SequenceHash(Parameters));
}
