using System.Globalization;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// GCC's <c>aligned</c> attribute as written: <c>aligned(N)</c> (<see cref="Bytes"/>)
/// and/or bare <c>aligned</c> (<see cref="Biggest"/>, which means the target's
/// biggest alignment, 16 on x86-64); when both are set the larger applies.
/// <para>
/// Several <c>aligned</c> attributes: on a member declaration the largest wins,
/// which <see cref="Combine"/> computes without knowing the target; on a type
/// (a struct/union after its closing brace, a typedef) gcc 12 keeps the last one
/// (<c>aligned(32), aligned(8)</c> gives 8), so the binder passes only the last.
/// <c>_Alignas(N)</c> on a member is the same as <c>aligned(N)</c> on it.
/// </para>
/// </summary>
public readonly record struct AlignedAttribute(long Bytes, bool Biggest)
{
    public static AlignedAttribute Of(long bytes) => new(bytes, false);

    public static readonly AlignedAttribute Bare = new(0, true);

    /// <summary>Two aligned attributes on one member declaration: the larger applies.</summary>
    public static AlignedAttribute Combine(AlignedAttribute a, AlignedAttribute b) =>
        new(Math.Max(a.Bytes, b.Bytes), a.Biggest || b.Biggest);

    public override string ToString() =>
        Biggest && Bytes == 0 ? "aligned"
        : Biggest ? "aligned, aligned(" + Bytes.ToString(CultureInfo.InvariantCulture) + ")"
        : "aligned(" + Bytes.ToString(CultureInfo.InvariantCulture) + ")";
}
