using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>Built-in types, pointers, modes and gcc's choice of enum underlying types, checked against gcc.</summary>
public sealed class ScalarAndEnumTests
{
    [Fact]
    public void EveryScalarTypeHasGccsSizeAndAlignment()
    {
        var d = new DeclarationBuilder();
        var scalars = Enum.GetValues<ScalarKind>();
        foreach (var kind in scalars) d.Typedef("t_" + kind, new ScalarType(kind));
        d.Typedef("t_ptr", C.Ptr(C.Void));
        d.Typedef("t_fnptr", C.FnPtr(C.Int, C.Long));
        d.Struct("all", r =>
        {
            r.Field("c0", C.Char);
            foreach (var kind in scalars) r.Field("m_" + kind, new ScalarType(kind)).Field("c_" + kind, C.Char);
        });
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("16", gcc["t_LongDouble|align"]);
        Assert.Equal("16", gcc["t_Int128|size"]);
        Assert.Equal("1", gcc["t_Bool|size"]);
        Assert.Equal("8", gcc["t_ptr|size"]);
    }

    [Fact]
    public void ModeAttributesPickGccsIntegerTypes()
    {
        var d = new DeclarationBuilder();
        foreach (var mode in Enum.GetValues<MachineMode>())
        {
            d.Typedef("s_" + mode, C.Mode(C.Int, mode));
            d.Typedef("u_" + mode, C.Mode(C.UInt, mode));
        }
        d.Typedef("c_QI", C.Mode(C.Char, MachineMode.QI));
        d.Typedef("l_SI", C.Mode(C.Long, MachineMode.SI));
        d.Typedef("uc_DI", C.Mode(C.UChar, MachineMode.DI));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("signed char", gcc["c_QI|kind"]);
        Assert.Equal("__int128 unsigned", gcc["u_TI|kind"]);
    }

    [Fact]
    public void EnumUnderlyingTypes()
    {
        var d = new DeclarationBuilder();
        d.Enum("small", ("SMALL_A", 0), ("SMALL_B", 3));
        d.Enum("minus_one", ("MINUS_ONE", -1));
        d.Enum("top_bit", ("TOP_BIT", 0x80000000));
        d.Enum("top_bit_and_negative", ("TB_A", 0x80000000), ("TB_B", -1));
        d.Enum("uint_max", ("UINT_MAX_V", 0xffffffff));
        d.Enum("int_min", ("INT_MIN_V", int.MinValue));
        d.Enum("above_32", ("ABOVE_32", 0x100000000));
        d.Enum("u64_max", ("U64_MAX", ulong.MaxValue));
        d.Enum("s64_min", ("S64_MIN", long.MinValue), ("S64_ONE", 1));
        d.Enum("below_int", ("BELOW_INT", -0x80000001L));
        d.Enum("packed3", true, null, ("P3_A", 0), ("P3_B", 1), ("P3_C", 2));
        d.Enum("packed_neg", true, null, ("PN_A", -1), ("PN_B", 100));
        d.Enum("packed_byte", true, null, ("PB_A", 255));
        d.Enum("packed_sbyte", true, null, ("PS_A", -128), ("PS_B", 127));
        d.Enum("packed_short", true, null, ("PSH_A", 300));
        d.Enum("packed_20", true, null, ("P20_A", 1 << 20));
        d.Enum("packed_neg17", true, null, ("P17_A", -(1 << 16) - 1));
        d.Enum("packed_uint", true, null, ("PU_A", 0xffffffff));
        d.Enum("packed_33", true, null, ("P33_A", 0x1ffffffff));
        d.Enum("mode_qi", false, MachineMode.QI, ("MQ_A", 1));
        d.Enum("mode_hi_neg", false, MachineMode.HI, ("MH_A", -5));
        d.Enum("mode_di", false, MachineMode.DI, ("MD_A", 1));
        d.Enum("mode_byte", true, MachineMode.Byte, ("MB_A", 7));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("int", gcc["enum minus_one|kind"]);
        Assert.Equal("unsigned int", gcc["enum top_bit|kind"]);
        Assert.Equal("long int", gcc["enum top_bit_and_negative|kind"]);
        Assert.Equal("long unsigned int", gcc["enum above_32|kind"]);
        Assert.Equal("unsigned char", gcc["enum packed3|kind"]);
        Assert.Equal("1", gcc["enum packed3|size"]);
    }

    [Fact]
    public void EnumsAsMembersAndAnonymousEnums()
    {
        var d = new DeclarationBuilder();
        // In C an anonymous enum can be written once: used through a typedef, or in the one declaration that defines it.
        var anonymous = d.Typedef("anon_t", d.Enum(null, ("ANON_A", 1), ("ANON_B", 1L << 40)));
        d.Struct("with_enums", r => r
            .Field("a", d.Enum(null, true, null, ("ANON_P", 2)))
            .Field("b", anonymous)
            .Field("c", d.Enum(null, true, null, ("ANON_Q", -2)))
            .Field("d", C.Array(d.Enum(null, true, null, ("ANON_R", 300)), 3)));
        LayoutOracle.AssertMatchesGcc(d.Build());
    }
}
