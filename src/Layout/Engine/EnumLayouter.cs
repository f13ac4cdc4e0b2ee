using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// gcc's choice of an enum's underlying type (c-decl.cc finish_enum): the
/// precision needed by the smallest and largest constant, signed if any is
/// negative; then <c>unsigned int</c> or <c>int</c> when that fits in int and
/// neither <c>packed</c> nor <c>mode</c> is given, otherwise the smallest
/// integer type of that precision (c_common_type_for_size), with a <c>mode</c>
/// fixing the precision.
/// </summary>
internal static class EnumLayouter
{
    public static LayoutResult<EnumShape> Layout(EnumDefinition definition, TargetInfo target)
    {
        Int128 min = 0, max = 0;
        if (definition.Enumerators.Length > 0)
        {
            min = definition.Enumerators.Min(e => e.Value);
            max = definition.Enumerators.Max(e => e.Value);
        }
        var isUnsigned = min >= 0;
        var precision = Math.Max(MinPrecision(min, isUnsigned), MinPrecision(max, isUnsigned));

        ScalarKind underlying;
        if (definition.Mode is { } mode)
        {
            var modePrecision = target.ModePrecision(mode);
            if (precision > modePrecision)
            {
                return LayoutResult<EnumShape>.Fail(LayoutProblemKind.InvalidMode,
                    $"{definition.Id.Spelling}: specified mode {mode} too small for enumerated values");
            }
            underlying = ForPrecision(modePrecision, isUnsigned, target);
        }
        else if (definition.Packed || precision > target.Scalar(ScalarKind.Int).Precision)
        {
            underlying = ForPrecision(precision, isUnsigned, target);
        }
        else
        {
            underlying = isUnsigned ? ScalarKind.UnsignedInt : ScalarKind.Int;
        }

        var info = target.Scalar(underlying);
        return LayoutResult<EnumShape>.Ok(new EnumShape(definition, underlying, info.SizeBytes, info.AlignBytes));
    }

    /// <summary>gcc falls back to long long, with a warning, when no type is wide enough.</summary>
    private static ScalarKind ForPrecision(int precision, bool isUnsigned, TargetInfo target) =>
        target.IntegerTypeForPrecision(precision, isUnsigned) ?? ScalarKind.LongLong;

    /// <summary>tree_int_cst_min_precision: bits to hold the value, plus a sign bit when signed.</summary>
    private static int MinPrecision(Int128 value, bool isUnsigned)
    {
        if (isUnsigned) return 128 - (int)Int128.LeadingZeroCount(value);
        var magnitude = value < 0 ? ~value : value;
        return 128 - (int)Int128.LeadingZeroCount(magnitude) + 1;
    }
}
