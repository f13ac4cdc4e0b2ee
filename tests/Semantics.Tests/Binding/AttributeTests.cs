using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>
/// Where each GNU attribute lands in the type model (GCC "Attribute Syntax").
/// The layouts they give are proven against gcc in tests/Layout.Tests/Proof;
/// these pin the binder's placement rules, each stated in gcc's documentation
/// or measured there (the cited characterization test).
/// </summary>
public sealed class AttributeTests
{
    private static RecordDefinition Record(BoundTranslationUnitView unit, string tag) => unit.Unit.Types.Records[new RecordId(AggregateKind.Struct, tag)];

    public sealed record BoundTranslationUnitView(Semantics.Binding.BoundTranslationUnit Unit);

    private static BoundTranslationUnitView Bind(string text) => new(Bound.Clean(text));

    [Fact]
    public void Record_attributes_after_the_keyword_and_after_the_brace()
    {
        var unit = Bind("struct __attribute__((aligned(32))) a { char c; } __attribute__((packed, aligned(8)));"
            + "struct __attribute__((__transparent_union__)) u1 { int x; };"
            + "struct __attribute((designated_init, randomize_layout)) d { int x; };"
            + "struct n { int x; } __attribute__((no_randomize_layout, unused, whatever(1, 2)));");
        var a = Record(unit, "a").Attributes;
        Assert.True(a.Packed);
        Assert.Equal(AlignedAttribute.Of(8), a.Aligned);
        Assert.True(Record(unit, "u1").Attributes.TransparentUnion);
        Assert.True(Record(unit, "d").Attributes.DesignatedInit);
        Assert.Equal(RandomizeLayout.Randomize, Record(unit, "d").Attributes.Randomize);
        Assert.Equal(RandomizeLayout.NoRandomize, Record(unit, "n").Attributes.Randomize);
    }

    [Fact]
    public void Member_attributes_in_every_position_combine_to_the_largest_alignment()
    {
        var s = Record(Bind("struct s { __attribute__((aligned(8))) char a __attribute__((aligned(32))); _Alignas(16) char b __attribute__((aligned(4)));"
            + " char c __attribute__((aligned, packed)); int __attribute__((packed)) d; };"), "s");
        Assert.Equal(AlignedAttribute.Of(32), s.Fields[0].Attributes.Aligned);
        Assert.Equal(AlignedAttribute.Of(16), s.Fields[1].Attributes.Aligned);
        Assert.Equal(AlignedAttribute.Bare, s.Fields[2].Attributes.Aligned);
        Assert.True(s.Fields[2].Attributes.Packed);
        Assert.True(s.Fields[3].Attributes.Packed);
    }

    [Fact]
    public void Typedef_alignment_is_the_last_in_gcc_order_and_packed_is_ignored()
    {
        var unit = Bound.Unit("typedef __attribute__((aligned(32))) int t1 __attribute__((aligned(8)));"
            + "typedef int t2 __attribute__((aligned(32), aligned(8)));"
            + "typedef struct { int a; char b; } t3 __attribute__((packed));");
        Assert.Equal(AlignedAttribute.Of(32), unit.Types.Typedefs["t1"].Aligned);
        Assert.Equal(AlignedAttribute.Of(8), unit.Types.Typedefs["t2"].Aligned);
        Assert.False(unit.Types.Records.Values.Single(r => r.Id.IsAnonymous).Attributes.Packed);
        Assert.Contains(unit.Diagnostics, d => d.Message == "'packed' attribute ignored");
    }

    [Fact]
    public void Mode_and_vector_size_make_new_types()
    {
        var unit = Bind("typedef int qi __attribute__((mode(QI))); typedef unsigned long w __attribute__((__mode__(__word__)));"
            + "typedef int myint; typedef myint v4 __attribute__((vector_size(16)));"
            + "struct s { int a[2] __attribute__((vector_size(8))); };"
            + "enum __attribute__((packed)) e1 { A }; enum e2 { B } __attribute__((mode(HI)));").Unit;
        Assert.Equal(new ModeType(ScalarType.Int, MachineMode.QI), unit.Types.Typedefs["qi"].Target);
        Assert.Equal(new ModeType(ScalarType.UnsignedLong, MachineMode.Word), unit.Types.Typedefs["w"].Target);
        Assert.Equal(new VectorType(ScalarType.Int, 16), unit.Types.Typedefs["v4"].Target);
        var s = unit.Types.Records[new RecordId(AggregateKind.Struct, "s")];
        Assert.Equal(new ArrayType(new VectorType(ScalarType.Int, 8), 2), s.Fields[0].Type);
        Assert.True(unit.Types.Enums[new EnumId("e1")].Packed);
        Assert.Equal(MachineMode.HI, unit.Types.Enums[new EnumId("e2")].Mode);
    }

    [Fact]
    public void Pack_pragmas_follow_push_and_pop()
    {
        var unit = Bind("#pragma pack(push, 2)\nstruct a { int x; };\n#pragma pack(push, id, 1)\nstruct b { int x; };\n#pragma pack(4)\nstruct c { int x; };\n"
            + "#pragma pack(pop, id)\nstruct d { int x; };\n#pragma pack(pop)\nstruct e { int x; };\n#pragma pack(8)\nstruct f { int x;\n#pragma pack()\n};\n").Unit;
        int? Pack(string tag) => unit.Types.Records[new RecordId(AggregateKind.Struct, tag)].Attributes.PackPragma;
        Assert.Equal([2, 1, 4, 2, null, null], new[] { Pack("a"), Pack("b"), Pack("c"), Pack("d"), Pack("e"), Pack("f") });
    }
}
