using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>GCC's bit-field allocation on x86-64 (PCC_BITFIELD_TYPE_MATTERS), checked against gcc.</summary>
public sealed class BitFieldTests
{
    [Fact]
    public void BitFieldAfterCharStaysInTheFirstIntUnit()
    {
        var d = new DeclarationBuilder();
        d.Struct("s", r => r.Field("a", C.Char).BitField("b", C.Int, 4));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("8:4", gcc["struct s.b|bit"]);
        Assert.Equal("4", gcc["struct s|size"]);
    }

    [Fact]
    public void LongBitFieldThatWouldCrossItsUnitMovesToTheNextLong()
    {
        var d = new DeclarationBuilder();
        d.Struct("s", r => r.Field("a", C.Char).BitField("b", C.Long, 60));
        d.Struct("t", r => r.Field("a", C.Char).BitField("b", C.Long, 56));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("64:60", gcc["struct s.b|bit"]);
        Assert.Equal("8:56", gcc["struct t.b|bit"]);
    }

    [Fact]
    public void BitFieldsCrossingTheirTypeBoundary()
    {
        var d = new DeclarationBuilder();
        d.Struct("cross_int", r => r.BitField("a", C.Int, 30).BitField("b", C.Int, 3));
        d.Struct("cross_char", r => r.BitField("a", C.Char, 5).BitField("b", C.Char, 4));
        d.Struct("cross_short", r => r.BitField("a", C.Char, 7).BitField("b", C.Short, 10));
        d.Struct("fits_short", r => r.BitField("a", C.Char, 6).BitField("b", C.Short, 10).BitField("c", C.Short, 1));
        d.Struct("ll", r => r.BitField("a", C.Int, 20).BitField("b", C.LongLong, 44).BitField("c", C.LongLong, 1));
        d.Struct("i128", r => r.Field("a", C.Char).BitField("b", C.Int128, 100).BitField("c", C.UInt128, 28).BitField("d", C.Int128, 1));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void ZeroWidthBitFieldAlignsTheNextFieldButNotTheRecord()
    {
        var d = new DeclarationBuilder();
        d.Struct("z_int", r => r.Field("a", C.Char).BitField(null, C.Int, 0).Field("b", C.Char));
        d.Struct("z_long", r => r.BitField("a", C.Char, 3).BitField(null, C.Long, 0).BitField("b", C.Char, 3));
        d.Struct("z_end", r => r.Field("a", C.Char).BitField(null, C.Int, 0));
        d.Struct("z_only", r => r.BitField(null, C.Int, 0));
        d.Struct("z_char", r => r.BitField("a", C.Int, 3).BitField(null, C.Char, 0).BitField("b", C.Int, 3));
        d.Struct("z_i128", r => r.Field("a", C.Char).BitField(null, C.Int128, 0).Field("b", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("4", gcc["struct z_int.b|off"]);
        Assert.Equal("1", gcc["struct z_int|align"]);
        Assert.Equal("4", gcc["struct z_end|size"]);
        Assert.Equal("0", gcc["struct z_only|size"]);
    }

    [Fact]
    public void ZeroWidthBitFieldsIgnorePacking()
    {
        var d = new DeclarationBuilder();
        d.Struct("pz_char", r => r.Packed().Field("a", C.Char).BitField(null, C.Char, 0).Field("b", C.Char));
        d.Struct("pz_int", r => r.Packed().BitField("a", C.Char, 3).BitField(null, C.Int, 0).Field("b", C.Char));
        d.Struct("pz_ll", r => r.Packed().Field("a", C.Char).BitField(null, C.LongLong, 0).Field("b", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("8", gcc["struct pz_ll.b|off"]);
    }

    [Fact]
    public void UnnamedBitFieldsDoNotRaiseTheRecordAlignment()
    {
        var d = new DeclarationBuilder();
        d.Struct("unnamed", r => r.Field("a", C.Char).BitField(null, C.Int, 3));
        d.Struct("unnamed_long", r => r.BitField(null, C.Long, 40).Field("a", C.Char));
        d.Struct("named", r => r.Field("a", C.Char).BitField("b", C.Int, 3));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("2", gcc["struct unnamed|size"]);
        Assert.Equal("1", gcc["struct unnamed|align"]);
        Assert.Equal("4", gcc["struct named|size"]);
    }

    [Fact]
    public void PackedBitFieldsGoToTheNextBit()
    {
        var d = new DeclarationBuilder();
        d.Struct("p_int", r => r.Packed().BitField("a", C.Int, 3).BitField("b", C.Int, 31).BitField("c", C.Long, 62));
        // Packing applies to bit-fields of byte-aligned types too: a char bit-field then crosses a byte boundary,
        // whether the struct or the member is packed.
        d.Struct("p_char", r => r.Packed().BitField("a", C.Int, 3).BitField("b", C.Char, 7));
        d.Struct("u_char", r => r.BitField("a", C.Int, 3).BitField("b", C.Char, 7));
        d.Struct("pf_char", r => r.BitField("a", C.Int, 3).BitField("b", C.Char, 7, packed: true));
        d.Struct("pf_int", r => r.Field("a", C.Char).BitField("b", C.Int, 30, packed: true).Field("c", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("3:31", gcc["struct p_int.b|bit"]);
        Assert.Equal("3:7", gcc["struct p_char.b|bit"]);
        Assert.Equal("8:7", gcc["struct u_char.b|bit"]);
        Assert.Equal("3:7", gcc["struct pf_char.b|bit"]);
    }

    [Fact]
    public void BitFieldsOfEnumBoolCharLongAndTypedefTypes()
    {
        var d = new DeclarationBuilder();
        var e = d.Enum("colour", ("RED", 0), ("GREEN", 1), ("BLUE", 2));
        var packedEnum = d.Enum("small", true, null, ("S0", 0), ("S1", 1), ("S2", 2));
        var u8 = d.Typedef("u8", C.UChar);
        var u32 = d.Typedef("u32", C.UInt);
        d.Struct("kinds", r => r
            .BitField("e", e, 2).BitField("pe", packedEnum, 2).BitField("b", C.Bool, 1).BitField("c", C.Char, 5)
            .BitField("sc", C.SChar, 3).BitField("l", C.Long, 33).BitField("ull", C.ULongLong, 64)
            .BitField("t8", u8, 7).BitField("t32", u32, 17).BitField("cb", C.Const(C.UInt), 5));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void BitFieldOfATypedefWithReducedAlignmentMaySpanTwoUnits()
    {
        // typedef long aligned(4): size 8 but alignment 4, so a bit-field of it may touch two 4-byte units.
        var d = new DeclarationBuilder();
        var l4 = d.Typedef("l4", C.Long, aligned: 4);
        var i2 = d.Typedef("i2", C.Int, aligned: 2);
        d.Struct("r1", r => r.Field("a", C.Char).BitField("b", l4, 40));
        d.Struct("r2", r => r.BitField("a", l4, 64));
        d.Struct("r3", r => r.Field("a", C.Char).BitField("b", l4, 64));
        d.Struct("r4", r => r.BitField("a", C.Char, 7).BitField("b", i2, 20).BitField("c", i2, 12));
        d.Union("r5", r => r.BitField("a", l4, 64));
        d.Union("r6", r => r.BitField("a", l4, 32).Field("c", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        // A 64-bit field at offset 0 takes DImode's alignment (layout_decl), though its type is 4-aligned.
        Assert.Equal("8", gcc["struct r2|align"]);
    }

    [Fact]
    public void AlignedAttributeOnABitField()
    {
        var d = new DeclarationBuilder();
        d.Struct("ab", r => r.Field("a", C.Char).BitField("b", C.Int, 3, aligned: 8).BitField("c", C.Int, 3));
        d.Struct("ab_packed", r => r.Packed().Field("a", C.Char).BitField("b", C.Int, 3, aligned: 4));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }

    [Fact]
    public void BitFieldsInUnions()
    {
        var d = new DeclarationBuilder();
        d.Union("u_named", r => r.Field("c", C.Char).BitField("x", C.Int, 9));
        d.Union("u_unnamed", r => r.Field("c", C.Char).BitField(null, C.Int, 9));
        d.Union("u_mixed", r => r.BitField("a", C.Long, 3).BitField("b", C.Char, 8).BitField("c", C.Short, 16).BitField(null, C.Int, 0));
        d.Union("u_packed", r => r.Packed().BitField("a", C.Long, 33).Field("c", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("2", gcc["union u_unnamed|size"]);
        Assert.Equal("4", gcc["union u_named|size"]);
    }
}
