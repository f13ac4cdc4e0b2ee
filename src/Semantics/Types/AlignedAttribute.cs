using System.Globalization;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// GCC's <c>aligned</c> attribute as written: <c>aligned(N)</c> (<see cref="Bytes"/>)
/// and/or bare <c>aligned</c> (<see cref="Biggest"/>, which means the target's
/// biggest alignment, 16 on x86-64). Several <c>aligned</c> attributes on one
/// declaration combine to the largest (GCC manual, "Common Type Attributes"),
/// which <see cref="Combine"/> keeps target-independent. <c>_Alignas</c> on a
/// member is the same as <c>aligned(N)</c> on it.
/// </summary>
public readonly record struct AlignedAttribute(long Bytes, bool Biggest)
{
    public static AlignedAttribute Of(long bytes) => new(bytes, false);

    public static readonly AlignedAttribute Bare = new(0, true);

    public static AlignedAttribute Combine(AlignedAttribute a, AlignedAttribute b) =>
        new(Math.Max(a.Bytes, b.Bytes), a.Biggest || b.Biggest);

    public override string ToString() =>
        Biggest && Bytes == 0 ? "aligned"
        : Biggest ? "aligned, aligned(" + Bytes.ToString(CultureInfo.InvariantCulture) + ")"
        : "aligned(" + Bytes.ToString(CultureInfo.InvariantCulture) + ")";
}
