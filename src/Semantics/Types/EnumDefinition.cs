using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The body of an enum: its constants and the attributes that choose its
/// underlying type (<c>packed</c>: the smallest type that fits; <c>mode</c>: the
/// integer type of that mode). Structural equality, constants compared element
/// by element.
/// </summary>
public sealed record EnumDefinition(EnumId Id, ImmutableArray<Enumerator> Enumerators, bool Packed = false, MachineMode? Mode = null)
{
    public bool Equals(EnumDefinition? other) =>
        other is not null
        && Id.Equals(other.Id)
        && Packed == other.Packed
        && Mode == other.Mode
        && Structural.SequenceEqual(Enumerators, other.Enumerators);

    public override int GetHashCode() => HashCode.Combine(Id, Packed, Mode, Structural.SequenceHash(Enumerators));
}
