using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>Plain struct and union layout: natural alignment, padding, tail padding, arrays, nesting, flexible and zero-length arrays.</summary>
public sealed class StructAndUnionTests
{
    [Fact]
    public void NaturalAlignmentAndTailPadding()
    {
        var d = new DeclarationBuilder();
        d.Struct("pad", r => r.Field("a", C.Char).Field("b", C.Long).Field("c", C.Short));
        d.Struct("ld", r => r.Field("a", C.Char).Field("b", C.LongDouble).Field("c", C.Char));
        d.Struct("i128", r => r.Field("a", C.Int).Field("b", C.Int128));
        d.Struct("cplx", r => r.Field("a", C.Char).Field("b", C.ComplexFloat).Field("c", C.Char).Field("d", C.ComplexLongDouble));
        d.Struct("empty", r => { });
        d.Struct("ptrs", r => r.Field("a", C.Char).Field("p", C.Ptr(d.Incomplete(AggregateKind.Struct, "opaque"))).Field("f", C.FnPtr(C.Void)).Field("c", C.Const(C.Ptr(C.Const(C.Char)))));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("24", gcc["struct pad|size"]);
        Assert.Equal("48", gcc["struct ld|size"]);
        Assert.Equal("0", gcc["struct empty|size"]);
    }

    [Fact]
    public void ArraysAndNestedRecords()
    {
        var d = new DeclarationBuilder();
        var inner = d.Struct("inner", r => r.Field("x", C.Char).Field("y", C.Int));
        d.Struct("outer", r => r.Field("a", C.Char).Field("i", inner).Field("arr", C.Array(inner, 3)).Field("m", C.Array(C.Array(C.Short, 3), 2)).Field("z", C.Char));
        var u = d.Union("u", r => r.Field("c", C.Array(C.Char, 5)).Field("i", C.Int).Field("s", inner));
        d.Struct("holds_union", r => r.Field("c", C.Char).Field("u", u).Field("arr", C.Array(u, 2)));
        d.Union("u_ld", r => r.Field("c", C.Char).Field("l", C.LongDouble));
        d.Struct("named_anon_type", r => r.Field("c", C.Char).Field("m", d.AnonymousStruct(s => s.Field("x", C.Char).Field("y", C.Double)))
            .Field("arr", C.Array(d.AnonymousUnion(s => s.Field("p", C.Short).Field("q", C.Array(C.Char, 3))), 2)));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void FlexibleAndZeroLengthArrays()
    {
        var d = new DeclarationBuilder();
        var flex = d.Struct("flex_after_char", r => r.Field("a", C.Char).Field("b", C.Flex(C.Int)));
        d.Struct("flex_long", r => r.Field("a", C.Int).Field("b", C.Char).Field("c", C.Flex(C.Long)));
        d.Struct("only_zero_length", r => r.Field("a", C.Array(C.Int, 0)));
        d.Struct("zero_length_middle", r => r.Field("a", C.Char).Field("b", C.Array(C.Int, 0)).Field("c", C.Char).Field("d", C.Flex(C.Long)));
        d.Struct("flex_inside", r => r.Field("f", flex).Field("x", C.Char));
        d.Union("union_of_flex", r => r.Field("n", C.Char).Field("f", flex));
        d.Struct("flex_of_structs", r => r.Field("n", C.Short).Field("items", C.Flex(d.AnonymousStruct(s => s.Field("p", C.Ptr(C.Void)).Field("c", C.Char)))));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("4", gcc["struct flex_after_char.b|off"]);
        Assert.Equal("4", gcc["struct flex_after_char|size"]);
        Assert.Equal("0", gcc["struct only_zero_length|size"]);
        Assert.Equal("4", gcc["struct only_zero_length|align"]);
    }

    [Fact]
    public void AnonymousMembersLayOutInPlace()
    {
        var d = new DeclarationBuilder();
        d.Struct("anon", r => r
            .Field("a", C.Char)
            .Anonymous(d.AnonymousUnion(u => u
                .Field("i", C.Int)
                .Anonymous(d.AnonymousStruct(s => s.BitField("x", C.Int, 3).BitField("y", C.Int, 7).BitField(null, C.Int, 0).BitField("z", C.Long, 40)))
                .Anonymous(d.AnonymousStruct(s => s.Field("p", C.Short).Anonymous(d.AnonymousUnion(v => v.BitField("q", C.Char, 2).Field("r", C.Long)))))))
            .Field("b", C.Char)
            .Anonymous(d.AnonymousStruct(s => s.Packed().Field("c", C.Char).Field("d", C.Int))));
        d.Union("anon_in_union", r => r.Field("a", C.Char).Anonymous(d.AnonymousStruct(s => s.Field("b", C.Char).Field("c", C.Long))));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void TypedefsOfAnonymousRecordsAndQualifiers()
    {
        var d = new DeclarationBuilder();
        var t = d.Typedef("anon_t", d.AnonymousStruct(s => s.Field("a", C.Char).Field("b", C.Volatile(C.Int))));
        var u = d.Typedef("anon_u", d.AnonymousUnion(s => s.Field("a", C.Char).Field("b", C.Array(C.Short, 3))));
        d.Struct("uses", r => r.Field("c", C.Char).Field("t", C.Const(t)).Field("u", u).Field("pt", C.Ptr(t)));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }
}
