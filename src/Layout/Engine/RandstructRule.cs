using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Which structs the kernel's randomize_layout GCC plugin
/// (scripts/gcc-plugins/randomize_layout_plugin.c) shuffles: structs (never
/// unions) marked <c>randomize_layout</c> or made only of function pointers
/// (is_pure_ops_struct), unless marked <c>no_randomize_layout</c>, with at least
/// two members; a trailing flexible, [0] or [1] array stays in place, so at
/// least two members must remain to be shuffled for the layout to change.
/// </summary>
internal static class RandstructRule
{
    public static bool Shuffles(RecordDefinition definition, LayoutOptions options, ITypeDefinitions definitions)
    {
        if (!options.RandstructPlugin || definition.Kind != AggregateKind.Struct) return false;
        if (definition.Attributes.Randomize == RandomizeLayout.NoRandomize) return false;
        var fields = definition.Fields;
        if (fields.Length < 2) return false;
        if (definition.Attributes.Randomize != RandomizeLayout.Randomize
            && !IsPureOps(definition, options, definitions, depth: 0))
        {
            return false;
        }
        var shuffled = fields.Length - (EndsInFlexibleArray(fields[^1]) ? 1 : 0);
        return shuffled >= 2;
    }

    private static bool IsPureOps(RecordDefinition definition, LayoutOptions options, ITypeDefinitions definitions, int depth)
    {
        foreach (var field in definition.Fields)
        {
            var type = StripArrays(field.Type);
            if (type is RecordType self && self.Id.Equals(definition.Id)) continue;
            if (options.RandstructOpsStructsMayNestRecords && type is RecordType nested)
            {
                if (depth > 64 || definitions.FindRecord(nested.Id) is not { } inner
                    || !IsPureOps(inner, options, definitions, depth + 1))
                {
                    return false;
                }
                continue;
            }
            if (!IsFunctionPointer(type)) return false;
        }
        return true;
    }

    private static bool IsFunctionPointer(CType type) =>
        type is PointerType pointer && pointer.Target.StripTypedefsAndQualifiers() is FunctionType;

    /// <summary>The plugin's is_flexible_array: [], [0] or [1] (an array whose size is 0 or one element).</summary>
    private static bool EndsInFlexibleArray(Field last) =>
        last.Type.StripTypedefsAndQualifiers() is ArrayType { Length: null or 0 or 1 };

    /// <summary>strip_array_types, seeing through typedefs and qualifiers as GCC's tree codes do.</summary>
    private static CType StripArrays(CType type)
    {
        type = type.StripTypedefsAndQualifiers();
        while (type is ArrayType array) type = array.Element.StripTypedefsAndQualifiers();
        return type;
    }
}
