using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>Checks on the generator itself: deterministic, and covering every construct the property is meant to exercise.</summary>
public sealed class RandomDeclarationsTests
{
    [Fact]
    public void SameSeedGivesTheSameDeclarations()
    {
        Assert.Equal(CEmitter.Emit(RandomDeclarations.Generate(42, 30)), CEmitter.Emit(RandomDeclarations.Generate(42, 30)));
        Assert.NotEqual(CEmitter.Emit(RandomDeclarations.Generate(42, 30)), CEmitter.Emit(RandomDeclarations.Generate(43, 30)));
    }

    [Fact]
    public void AFewBatchesCoverEveryConstruct()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string feature) => counts[feature] = counts.GetValueOrDefault(feature) + 1;

        foreach (var seed in Enumerable.Range(1, 8))
        {
            var table = RandomDeclarations.Generate(seed, 70).Table;
            foreach (var record in table.Records.Values)
            {
                Count(record.Kind == AggregateKind.Union ? "union" : "struct");
                if (record.Attributes.Packed) Count("packed record");
                if (record.Attributes.Aligned is not null) Count("aligned record");
                if (record.Attributes.PackPragma is not null) Count("pragma pack");
                if (record.Id.IsAnonymous) Count("anonymous record");
                foreach (var field in record.Fields)
                {
                    var type = field.Type.StripTypedefsAndQualifiers();
                    if (field.IsBitField)
                    {
                        Count(field.Name is null ? "unnamed bit-field" : "named bit-field");
                        if (field.BitWidth == 0) Count("zero-width bit-field");
                        if (field.Attributes.Packed) Count("packed bit-field");
                        if (type is EnumType) Count("enum bit-field");
                        if (type is ScalarType { Kind: ScalarKind.Bool }) Count("_Bool bit-field");
                        if (type is ScalarType { Kind: ScalarKind.Int128 or ScalarKind.UnsignedInt128 }) Count("__int128 bit-field");
                        if (field.Type is TypedefType { Aligned: not null }) Count("aligned-typedef bit-field");
                        continue;
                    }
                    if (field.IsAnonymousMember) Count("anonymous member");
                    if (field.Attributes.Packed) Count("packed member");
                    if (field.Attributes.Aligned is not null) Count("aligned member");
                    if (type is ArrayType { Length: null }) Count("flexible array");
                    if (type is ArrayType { Length: 0 }) Count("zero-length array");
                    if (type is ArrayType { Element: ArrayType }) Count("multi-dimensional array");
                    if (type is VectorType || field.Type is TypedefType { Target: VectorType }) Count("vector");
                    if (type is ModeType || field.Type is TypedefType { Target: ModeType }) Count("mode");
                    if (type is RecordType { Id.IsAnonymous: true } && field.Name is not null) Count("named member of anonymous type");
                    if (type is RecordType { Id.IsAnonymous: false }) Count("record member");
                    if (field.Type is TypedefType { Aligned: not null }) Count("aligned-typedef member");
                    if (type is ScalarType { Kind: ScalarKind.LongDouble }) Count("long double");
                }
            }
            foreach (var @enum in table.Enums.Values)
            {
                if (@enum.Packed) Count("packed enum");
                if (@enum.Mode is not null) Count("mode enum");
                if (@enum.Enumerators.Any(e => e.Value < 0)) Count("negative enum");
                if (@enum.Enumerators.Any(e => e.Value > uint.MaxValue || e.Value < int.MinValue)) Count("64-bit enum");
            }
        }

        string[] expected =
        [
            "struct", "union", "packed record", "aligned record", "pragma pack", "anonymous record", "named bit-field",
            "unnamed bit-field", "zero-width bit-field", "packed bit-field", "enum bit-field", "_Bool bit-field",
            "__int128 bit-field", "aligned-typedef bit-field", "anonymous member", "packed member", "aligned member",
            "flexible array", "zero-length array", "multi-dimensional array", "vector", "mode", "named member of anonymous type",
            "record member", "aligned-typedef member", "long double", "packed enum", "mode enum", "negative enum", "64-bit enum",
        ];
        var missing = expected.Where(f => counts.GetValueOrDefault(f) < 3).ToList();
        Assert.True(missing.Count == 0, "rarely or never generated: " + string.Join(", ", missing) + "\ncounts: " + string.Join(", ", counts.Select(kv => kv.Key + "=" + kv.Value)));
        Assert.True(counts["struct"] + counts["union"] >= 500, "fewer than 500 records per property run");
    }
}
