using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Target;

/// <summary>
/// How a target lays out one built-in type: size and alignment in bytes,
/// value precision in bits (integer types only; 1 for <c>_Bool</c>), the name
/// gcc gives it in DWARF, and how its bits are read.
/// </summary>
public sealed record ScalarInfo(long SizeBytes, long AlignBytes, int Precision, string DwarfName, BaseTypeEncoding Encoding, bool IsUnsigned);
