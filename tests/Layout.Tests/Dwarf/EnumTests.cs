using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>Enum sizes, constants and underlying types against gcc (C11 6.7.2.2p4 leaves the type to gcc).</summary>
public sealed class EnumTests(EnumTests.Oracle oracle) : IClassFixture<EnumTests.Oracle>
{
    public const string Source = """
        enum neg { NEG_A = -5, NEG_B = 1, NEG_C = 200, NEG_D = 40000 };
        enum big { BIG_A = 0x100000000LL };
        enum u32 { U32_A = 0xffffffffu };
        enum u64 { U64_A = 0xffffffffffffffffull };
        enum s64 { S64_A = -0x100000000LL, S64_B = 0x7fffffffffffffffLL };
        enum __attribute__((packed)) small { SMALL_A = 1, SMALL_B = 255 };
        enum __attribute__((packed)) ssmall { SS_A = -1, SS_B = 127 };
        enum __attribute__((packed)) med { MED_A = 300 };
        enum plain { P0, P1, P2 };
        enum { ANON_X = 7, ANON_Y = 9 } anon_var;
        struct holds { enum neg n; enum small s; enum { IN_A, IN_B = -2 } in; };
        enum neg v1; enum big v2; enum u32 v3; enum u64 v4; enum s64 v5; enum small v6; enum ssmall v7; enum med v8; enum plain v9;
        struct holds h;
        """;

    // _Generic picks the integer type an enum is compatible with (C11 6.7.2.2p4, 6.5.1.1).
    private const string BaseProbe = "_Generic((T)0, char: 1, signed char: 2, unsigned char: 3, short: 4, unsigned short: 5, "
        + "int: 6, unsigned int: 7, long: 8, unsigned long: 9, long long: 10, unsigned long long: 11, default: 0)";

    private static readonly string[] GccNames =
        ["?", "char", "signed char", "unsigned char", "short int", "short unsigned int", "int", "unsigned int", "long int", "long unsigned int", "long long int", "long long unsigned int"];

    private static readonly string[] Tags = ["neg", "big", "u32", "u64", "s64", "small", "ssmall", "med", "plain"];

    private static readonly string[] Constants = ["NEG_A", "NEG_B", "NEG_C", "NEG_D", "BIG_A", "U32_A", "U64_A", "S64_A", "S64_B", "SMALL_A", "SMALL_B", "SS_A", "SS_B", "MED_A", "P0", "P1", "P2", "ANON_X", "ANON_Y", "IN_A", "IN_B"];

    public sealed class Oracle
    {
        public Oracle() => Values = GccOracle.Evaluate(Source, Tags.SelectMany(t => new[] { $"sizeof(enum {t})", BaseProbe.Replace("(T)", $"(enum {t})") })
            .Concat(Constants).Concat(["sizeof(anon_var)", BaseProbe.Replace("(T)0", "anon_var"), "sizeof(h.in)", BaseProbe.Replace("(T)0", "h.in")]));

        public IReadOnlyDictionary<string, long> Values { get; }
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Named_enums_match_gcc(string flags)
    {
        var enums = DwarfCompiler.Layouts(Source, flags).Enums;
        foreach (var tag in Tags)
        {
            var e = enums[tag];
            Assert.False(e.IsAnonymous);
            Assert.Equal((tag, oracle.Values[$"sizeof(enum {tag})"]), (tag, e.Size));
            Assert.Equal((tag, GccNames[oracle.Values[BaseProbe.Replace("(T)", $"(enum {tag})")]]), (tag, e.BaseType));
            foreach (var c in e.Constants) Assert.Equal((c.Name, oracle.Values[c.Name]), (c.Name, c.Value));
        }
        Assert.Equal(["NEG_A", "NEG_B", "NEG_C", "NEG_D"], enums["neg"].Constants.Select(c => c.Name));
        Assert.Equal(-1, enums["u64"].Constants.Single().Value); // 2^64-1 as the model's two's-complement long
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Anonymous_enums_are_named_by_content(string flags)
    {
        var set = DwarfCompiler.Layouts(Source, flags);
        var anonymous = set.Enums.Values.Where(e => e.IsAnonymous).OrderBy(e => e.Constants[0].Name, StringComparer.Ordinal).ToList();
        Assert.Equal(2, anonymous.Count);
        Assert.Equal(["ANON_X", "ANON_Y"], anonymous[0].Constants.Select(c => c.Name));
        Assert.Equal([7L, 9L], anonymous[0].Constants.Select(c => c.Value));
        Assert.Equal(oracle.Values["sizeof(anon_var)"], anonymous[0].Size);
        Assert.Equal(GccNames[oracle.Values[BaseProbe.Replace("(T)0", "anon_var")]], anonymous[0].BaseType);
        Assert.Equal(GccNames[oracle.Values[BaseProbe.Replace("(T)0", "h.in")]], anonymous[1].BaseType);
        Assert.StartsWith("__anon_enum_", anonymous[1].Name);
        Assert.Equal(AnonymousNames.ForEnum(anonymous[1].Size, anonymous[1].Constants), anonymous[1].Name);
        Assert.Equal(new EnumTypeRef(anonymous[1].Name), set.Records["holds"].Members.Single(m => m.Name == "in").Type);
        Assert.Equal(new EnumTypeRef("small"), set.Records["holds"].Members.Single(m => m.Name == "s").Type);
    }
}
