namespace LayoutExpert.Semantics.Types;

/// <summary>An enumeration constant with its evaluated value (GNU C allows values beyond <c>int</c>, up to 64 bits, signed or unsigned).</summary>
public sealed record Enumerator(string Name, Int128 Value);
