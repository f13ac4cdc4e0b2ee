using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary><c>packed</c>, <c>aligned</c>, typedef alignment, <c>#pragma pack</c> and the other record attributes, checked against gcc.</summary>
public sealed class PackedAndAlignedTests
{
    [Fact]
    public void PackedStructs()
    {
        var d = new DeclarationBuilder();
        var inner = d.Struct("inner", r => r.Field("a", C.Char).Field("b", C.Int));
        d.Struct("packed", r => r.Packed().Field("a", C.Char).Field("b", C.Int).Field("c", C.Short).Field("d", C.LongDouble));
        d.Struct("packed_i128", r => r.Packed().Field("a", C.Char).Field("b", C.Int128).Field("c", C.UInt128));
        d.Struct("packed_nested", r => r.Packed().Field("a", C.Char).Field("s", inner).Field("arr", C.Array(inner, 2)));
        d.Union("packed_union", r => r.Packed().Field("a", C.Char).Field("b", C.Long).Field("c", C.Array(C.Char, 9)));
        d.Struct("holds_packed", r => r.Field("a", C.Char).Field("p", new RecordType(new RecordId(AggregateKind.Struct, "packed"))));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("1", gcc["struct packed_i128.b|off"]);
        Assert.Equal("1", gcc["struct packed|align"]);
    }

    [Fact]
    public void PackedMembersOfScalarAndStructType()
    {
        var d = new DeclarationBuilder();
        var inner = d.Struct("inner", r => r.Field("a", C.Char).Field("b", C.Long));
        var aligned8 = d.Struct("aligned8", r => r.Aligned(8).Field("x", C.Int));
        d.Struct("packed_members", r => r
            .Field("a", C.Char).Field("b", C.Int, packed: true).Field("c", C.Char)
            .Field("s", inner, packed: true).Field("d", C.Char).Field("e", aligned8, packed: true)
            .Field("f", C.Char, packed: true).Field("g", C.Long));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void AlignedRecordsAndMembers()
    {
        var d = new DeclarationBuilder();
        var aligned8 = d.Struct("aligned8", r => r.Aligned(8).Field("x", C.Int));
        d.Struct("aligned_smaller_ignored", r => r.Aligned(2).Field("x", C.Long));
        d.Struct("aligned_smaller_packed", r => r.Packed().Aligned(2).Field("c", C.Char).Field("x", C.Long));
        d.Struct("aligned_bare", r => r.AlignedBare().Field("c", C.Char));
        d.Struct("member_bare", r => r.Field("c", C.Char).Field("x", C.Int, AlignedAttribute.Bare));
        d.Struct("member_aligned", r => r.Field("c", C.Char).Field("x", C.Int, aligned: 32).Field("y", C.Char));
        d.Struct("member_aligned_smaller", r => r.Field("c", C.Char).Field("x", C.Long, aligned: 4));
        d.Struct("member_aligned_smaller_packed", r => r.Field("c", C.Char).Field("x", C.Long, aligned: 4, packed: true));
        d.Struct("packed_contains_aligned_struct", r => r.Packed().Field("c", C.Char).Field("a", aligned8));
        d.Struct("packed_contains_aligned_member", r => r.Packed().Field("c", C.Char).Field("x", C.Int, aligned: 8).Field("y", C.Short, aligned: 2));
        d.Struct("aligned_big", r => r.Aligned(64).Field("c", C.Char));
        d.Union("aligned_union", r => r.Aligned(16).Field("c", C.Char).Field("s", C.Short));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("16", gcc["struct aligned_bare|align"]);
        Assert.Equal("8", gcc["struct aligned_smaller_ignored|align"]);
        Assert.Equal("2", gcc["struct aligned_smaller_packed|align"]);
        Assert.Equal("1", gcc["struct packed_contains_aligned_struct.a|off"]);
        Assert.Equal("8", gcc["struct packed_contains_aligned_member.x|off"]);
    }

    [Fact]
    public void AlignedTypedefsRaiseOrLowerAlignment()
    {
        var d = new DeclarationBuilder();
        var a64 = d.Typedef("int_a64", C.Int, aligned: 64);
        var l4 = d.Typedef("long_a4", C.Long, aligned: 4);
        var i2 = d.Typedef("int_a2", C.Int, aligned: 2);
        var s = d.Struct("base", r => r.Field("x", C.Long));
        var s4 = d.Typedef("base_a4", s, aligned: 4);
        var s32 = d.Typedef("base_a32", s, aligned: 32);
        var chained = d.Typedef("chained", l4);
        var array16 = d.Typedef("array_a16", C.Array(C.Int, 3), aligned: 16);
        d.Struct("uses_a64", r => r.Field("c", C.Char).Field("x", a64).Field("y", C.Char));
        d.Struct("uses_lowered", r => r.Field("c", C.Char).Field("l", l4).Field("d", C.Char).Field("i", i2).Field("ch", chained));
        d.Struct("uses_record_typedefs", r => r.Field("c", C.Char).Field("s4", s4).Field("d", C.Char).Field("s32", s32));
        d.Struct("packed_a64", r => r.Packed().Field("c", C.Char).Field("x", a64));
        d.Struct("array_of_lowered", r => r.Field("c", C.Char).Field("arr", C.Array(l4, 3)).Field("a16", array16));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("64", gcc["struct uses_a64.x|off"]);
        Assert.Equal("128", gcc["struct uses_a64|size"]);
        Assert.Equal("4", gcc["struct uses_lowered.l|off"]);
        Assert.Equal("1", gcc["struct packed_a64.x|off"]);
    }

    [Fact]
    public void BareAndExplicitAlignedTogether()
    {
        var d = new DeclarationBuilder();
        var both8 = AlignedAttribute.Combine(AlignedAttribute.Bare, AlignedAttribute.Of(8));
        var both32 = AlignedAttribute.Combine(AlignedAttribute.Bare, AlignedAttribute.Of(32));
        d.Struct("record_both8", r => r.Add(both8).Field("c", C.Char));
        d.Struct("record_both32", r => r.Add(both32).Field("c", C.Char));
        d.Struct("member_both", r => r.Field("c", C.Char).Field("x", C.Char, both8).Field("y", C.Char, both32));
        d.Typedef("typedef_both8", C.Int, both8);
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("16", gcc["struct record_both8|align"]);
        Assert.Equal("32", gcc["struct record_both32|align"]);
    }

    [Fact]
    public void PragmaPack()
    {
        var d = new DeclarationBuilder();
        d.Struct("pack1", r => r.PackPragma(1).Field("a", C.Char).Field("b", C.Int).Field("c", C.Long));
        d.Struct("pack2", r => r.PackPragma(2).Field("a", C.Char).Field("b", C.Int).BitField("c", C.Char, 4).BitField("d", C.Int, 30));
        d.Struct("pack4", r => r.PackPragma(4).Field("a", C.Char).Field("b", C.Long).Field("c", C.Int, aligned: 16).BitField(null, C.Long, 0).Field("e", C.Char));
        d.Struct("pack8_bits", r => r.PackPragma(8).BitField("a", C.Char, 7).BitField("b", C.Long, 60).BitField("c", C.Short, 9));
        d.Union("pack2_union", r => r.PackPragma(2).Field("a", C.Char).Field("b", C.Long));
        d.Struct("pack_anon", r => r.PackPragma(2).Field("a", C.Char).Anonymous(d.AnonymousStruct(s => s.PackPragma(2).Field("x", C.Char).Field("y", C.Long))));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void TransparentUnionAndDesignatedInitChangeNothing()
    {
        var d = new DeclarationBuilder();
        d.Union("transparent", r => r.TransparentUnion().Field("p", C.Ptr(C.Int)).Field("q", C.Ptr(C.Char)));
        d.Struct("designated", r => r.DesignatedInit().Field("a", C.Char).Field("b", C.Long));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void VectorTypes()
    {
        var d = new DeclarationBuilder();
        var v4si = d.Typedef("v4si", C.Vector(C.Int, 16));
        d.Typedef("v2df", C.Vector(C.Double, 16));
        d.Typedef("v8qi", C.Vector(C.Char, 8));
        d.Typedef("v32", C.Vector(C.Int, 32));
        d.Typedef("v64", C.Vector(C.Long, 64));
        d.Typedef("v128", C.Vector(C.Int, 128));
        d.Typedef("v2qi", C.Vector(C.UChar, 2));
        d.Typedef("v1si", C.Vector(C.Int, 4));
        d.Struct("vectors", r => r.Field("c", C.Char).Field("a", v4si).Field("d", C.Char).Field("b", C.Vector(C.Short, 32))
            .Field("e", C.Char).Field("arr", C.Array(C.Vector(C.Float, 8), 3)).Field("f", C.Char).Field("g", C.Vector(C.Char, 4), packed: true));
        d.Struct("packed_vectors", r => r.Packed().Field("c", C.Char).Field("a", v4si));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }
}
