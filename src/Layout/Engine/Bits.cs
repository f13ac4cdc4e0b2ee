using System.Numerics;

namespace LayoutExpert.Layout.Engine;

/// <summary>Bit arithmetic in GCC's terms (positions and alignments in bits, alignments powers of two).</summary>
internal static class Bits
{
    /// <summary>Rounds up to a multiple of the alignment; throws OverflowException rather than wrapping (callers turn it into a problem).</summary>
    public static long RoundUp(long value, long alignment) => checked((value + alignment - 1) / alignment * alignment);

    /// <summary>The largest power of two dividing a nonzero position: GCC's least_bit_hwi, the alignment a position is known to have.</summary>
    public static long LowestSetBit(long value) => value & -value;

    public static bool IsPowerOfTwo(long value) => value > 0 && BitOperations.IsPow2(value);

    public static long ToBytes(long bits) => bits / 8;

    /// <summary>Bytes occupied by a bit size, rounded up (GCC's DECL_SIZE_UNIT of a bit-field).</summary>
    public static long CeilBytes(long bits) => (bits + 7) / 8;
}
