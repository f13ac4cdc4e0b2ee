using System.Text.RegularExpressions;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>The engine's output in the shared layout model: names, member types, anonymous records, base types.</summary>
public sealed class LayoutSetTests
{
    [Fact]
    public void BaseTypeNamesSizesAndEncodingsAreThoseGccWritesInDwarf()
    {
        var kinds = Enum.GetValues<ScalarKind>();
        var source = string.Join("\n", kinds.Select(k => $"{new ScalarType(k).Spelling} v_{k};"));
        var dump = Gcc.Run("readelf", ["--debug-dump=info", Gcc.CompileObject(source, "-g", "-O0", "-c")]);
        var dwarf = ParseBaseTypes(dump);
        foreach (var kind in kinds)
        {
            var info = X86_64SysV.Instance.Scalar(kind);
            Assert.True(dwarf.TryGetValue(info.DwarfName, out var found), $"gcc wrote no base type named '{info.DwarfName}' for {kind}");
            Assert.Equal(info.SizeBytes, found.Size);
            Assert.Equal(Encoding(info.Encoding), found.Encoding);
        }
    }

    /// <summary>DW_TAG_base_type entries from readelf: name to (byte size, DW_ATE encoding).</summary>
    private static Dictionary<string, (long Size, int Encoding)> ParseBaseTypes(string dump)
    {
        var result = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        foreach (var entry in dump.Split("DW_TAG_").Where(e => e.StartsWith("base_type", StringComparison.Ordinal)))
        {
            var size = long.Parse(Regex.Match(entry, @"DW_AT_byte_size\s*:\s*(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var encoding = int.Parse(Regex.Match(entry, @"DW_AT_encoding\s*:\s*(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var name = Regex.Match(entry, @"DW_AT_name\s*:\s*(?:\(indirect string, offset: (?:0x)?[0-9a-f]+\): )?(.+)").Groups[1].Value.Trim();
            result[name] = (size, encoding);
        }
        return result;
    }

    /// <summary>DWARF 5 section 7.8 DW_ATE_* codes.</summary>
    private static int Encoding(BaseTypeEncoding encoding) => encoding switch
    {
        BaseTypeEncoding.Boolean => 0x02,
        BaseTypeEncoding.ComplexFloat => 0x03,
        BaseTypeEncoding.Float => 0x04,
        BaseTypeEncoding.Signed => 0x05,
        BaseTypeEncoding.SignedChar => 0x06,
        BaseTypeEncoding.Unsigned => 0x07,
        BaseTypeEncoding.UnsignedChar => 0x08,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };

    [Fact]
    public void RecordsMembersAndTypesAsTheModelExpects()
    {
        var d = new DeclarationBuilder();
        var u32 = d.Typedef("u32", C.UInt);
        var s = d.Struct("s", r => r
            .Field("c", C.Const(C.Char))
            .BitField("b", u32, 3)
            .BitField(null, C.Int, 0)
            .BitField(null, C.Int, 4)
            .Field("p", C.Ptr(C.Volatile(u32)))
            .Field("v", C.Vector(C.Int, 16))
            .Field("mode", C.Mode(C.UInt, MachineMode.QI))
            .Field("arr", C.Array(C.Array(C.Short, 3), 2))
            .Field("fn", C.FnPtr(C.Void))
            .Field("tail", C.Flex(C.Long)));
        var declarations = d.Build();
        var set = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, declarations.Table), declarations.Table).Set;
        var record = set.Records["s"];

        Assert.Equal(RecordKind.Struct, record.Kind);
        Assert.False(record.IsAnonymous);
        Assert.Equal(["c", "b", "p", "v", "mode", "arr", "fn", "tail"], record.Members.Select(m => m.Name));
        Assert.Equal(new BaseTypeRef("char"), record.Members[0].Type);
        Assert.Equal(new TypedefTypeRef("u32"), record.Members[1].Type);
        Assert.Equal(3, record.Members[1].BitWidth);
        Assert.Null(record.Members[0].BitWidth);
        Assert.Equal(new PointerTypeRef(new TypedefTypeRef("u32")), record.Members[2].Type);
        Assert.Equal(new ArrayTypeRef(new BaseTypeRef("int"), 4), record.Members[3].Type);
        Assert.Equal(new BaseTypeRef("unsigned char"), record.Members[4].Type);
        Assert.Equal(new ArrayTypeRef(new ArrayTypeRef(new BaseTypeRef("short int"), 3), 2), record.Members[5].Type);
        Assert.Equal(new PointerTypeRef(FunctionTypeRef.Instance), record.Members[6].Type);
        Assert.Equal(new ArrayTypeRef(new BaseTypeRef("long int"), null), record.Members[7].Type);
        Assert.Equal(new TypedefLayout("u32", new BaseTypeRef("unsigned int")), set.Typedefs["u32"]);
        Assert.Contains("unsigned char", set.BaseTypes.Keys);
        Assert.DoesNotContain("long long int", set.BaseTypes.Keys);

        LayoutOracle.AssertMatchesGcc(declarations);
    }

    [Fact]
    public void AnonymousRecordsAndEnumsAreNamedByContentBottomUp()
    {
        var d = new DeclarationBuilder();
        RecordType Point() => d.AnonymousStruct(r => r.Field("x", C.Int).Field("y", C.Int));
        d.Struct("a", r => r.Field("first", Point()).Anonymous(d.AnonymousUnion(u => u.Field("p", Point()).Field("raw", C.Long))));
        d.Struct("b", r => r.Field("same", Point()));
        d.Typedef("point_t", Point());
        d.Typedef("colour_t", d.Enum(null, ("RED", 0), ("BIG", 1L << 40)));
        var declarations = d.Build();
        var result = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, declarations.Table), declarations.Table);
        Assert.Empty(result.Issues);
        var set = result.Set;

        var point = Assert.IsType<RecordTypeRef>(set.Records["a"].Members[0].Type);
        Assert.StartsWith("__anon_struct_", point.Name, StringComparison.Ordinal);
        Assert.Equal(point, set.Records["b"].Members[0].Type);
        Assert.Equal(point, set.Typedefs["point_t"].Target);
        Assert.True(set.Records[point.Name].IsAnonymous);

        var union = Assert.IsType<RecordTypeRef>(set.Records["a"].Members[1].Type);
        Assert.Null(set.Records["a"].Members[1].Name);
        Assert.Equal(RecordKind.Union, union.Kind);
        var unionLayout = set.Records[union.Name];
        Assert.Equal(point, unionLayout.Members[0].Type);
        Assert.Equal(AnonymousNames.ForRecord(RecordKind.Union, unionLayout.Size, unionLayout.Members), union.Name);

        var colour = Assert.IsType<EnumTypeRef>(set.Typedefs["colour_t"].Target);
        var colourLayout = set.Enums[colour.Name];
        Assert.Equal("long unsigned int", colourLayout.BaseType);
        Assert.Equal(8, colourLayout.Size);
        Assert.Equal([new EnumConstant("RED", 0), new EnumConstant("BIG", 1L << 40)], colourLayout.Constants.ToArray());

        // A second run from equal input gives an equal set.
        var again = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, declarations.Table), declarations.Table);
        Assert.Equal(set.Records.Keys, again.Set.Records.Keys);
        Assert.All(set.Records, kv => Assert.Equal(kv.Value.Members.ToArray(), again.Set.Records[kv.Key].Members.ToArray()));
    }
}
