using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>What an <c>aligned</c> attribute asks for, in bits, on a target (GCC's handle_aligned_attribute checks).</summary>
internal static class AlignmentAttributes
{
    public static LayoutResult<long> ToBits(AlignedAttribute attribute, TargetInfo target)
    {
        long bits = 0;
        if (attribute.Bytes != 0 || !attribute.Biggest)
        {
            if (!Bits.IsPowerOfTwo(attribute.Bytes))
            {
                return LayoutResult<long>.Fail(LayoutProblemKind.InvalidAlignment,
                    $"requested alignment {attribute.Bytes} is not a positive power of 2");
            }
            if (attribute.Bytes > target.MaxObjectFileAlignmentBits / 8)
            {
                return LayoutResult<long>.Fail(LayoutProblemKind.InvalidAlignment,
                    $"requested alignment {attribute.Bytes} exceeds object file maximum {target.MaxObjectFileAlignmentBits / 8}");
            }
            bits = attribute.Bytes * 8;
        }
        if (attribute.Biggest) bits = Math.Max(bits, target.BareAlignedBits);
        return LayoutResult<long>.Ok(bits);
    }
}
