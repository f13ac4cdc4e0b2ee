using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// Bit-fields in every DWARF dialect gcc writes (DWARF 5's DW_AT_data_bit_offset,
/// DWARF 2-4's big-endian-numbered DW_AT_bit_offset, negative for packed fields
/// spilling past their unit), against bit positions gcc's own program observes.
/// </summary>
public sealed class BitFieldTests(BitFieldTests.Oracle oracle) : IClassFixture<BitFieldTests.Oracle>
{
    public const string Source = """
        enum color { RED, GREEN, BLUE };
        struct bits {
            unsigned a : 3;
            unsigned b : 29;
            unsigned c : 1;
            int : 0;
            int d : 5;
            signed char e : 3;
            unsigned long long f : 40;
            unsigned long long g : 30;
            _Bool h : 1;
            unsigned : 0;
            short i : 9;
            int : 3;
            enum color col : 2;
            long long j : 33;
            char last;
        };
        struct __attribute__((packed)) packed_bits { char c; int i : 31; unsigned long long j : 40; unsigned k : 3; };
        struct mixed { char c; int x : 4; char d; int y : 20; int z : 20; long w : 63; };
        #pragma pack(push, 2)
        struct pack2 { char c; int x : 17; int y : 17; short s : 3; };
        #pragma pack(pop)
        struct in_union_holder { int tag; union { unsigned lo : 4; unsigned hi : 12; } u; };
        struct bits b; struct packed_bits pb; struct mixed mx; struct pack2 p2; struct in_union_holder iu;
        """;

    private static readonly string[] Records = ["struct bits", "struct packed_bits", "struct mixed", "struct pack2", "struct in_union_holder"];

    public sealed class Oracle
    {
        public Oracle()
        {
            var set = DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf5);
            Values = GccOracle.Evaluate(Source, Records.SelectMany(r => LayoutAssert.Expressions(set, r, set.Records[r.Split(' ')[1]])));
        }

        public IReadOnlyDictionary<string, long> Values { get; }
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Bit_positions_and_widths_match_gcc(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        foreach (var r in Records) LayoutAssert.Matches(oracle.Values, set, r, set.Records[r.Split(' ')[1]]);
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Unnamed_bit_fields_are_not_members(string flags)
    {
        // C11 6.7.2.1p12-13: an unnamed bit-field (":0" or ": 3") only pads; gcc gives it no DIE.
        var bits = DwarfCompiler.Layouts(Source, flags).Records["bits"];
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h", "i", "col", "j", "last"], bits.Members.Select(m => m.Name));
        Assert.Null(bits.Members.Single(m => m.Name == "last").BitWidth);
        Assert.Equal(new EnumTypeRef("color"), bits.Members.Single(m => m.Name == "col").Type);
        Assert.Equal(new BaseTypeRef("_Bool"), bits.Members.Single(m => m.Name == "h").Type);
    }

    [Fact]
    public void All_dialects_agree_with_each_other()
    {
        var five = LayoutText.Describe(DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf5));
        Assert.Equal(five, LayoutText.Describe(DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf4)));
        Assert.Equal(five, LayoutText.Describe(DwarfCompiler.Layouts(Source, DwarfFlags.Dwarf2)));
    }
}
