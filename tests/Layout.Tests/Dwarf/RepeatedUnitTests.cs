using LayoutExpert.Layout.Dwarf;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// A kernel module repeats its headers' types in every unit. Linking several
/// units (ld -r, as kbuild does) must give exactly the layouts of one unit: the
/// reader keeps the first complete definition and skips the rest, including
/// the anonymous types that only the repeated copies use.
/// </summary>
public sealed class RepeatedUnitTests
{
    private static readonly string Header = RecordTests.Source + """
        enum { HDR_A = 1, HDR_B = 2 };
        enum { HDR_C = 3 } hdr_var;
        struct holder { union { int i; struct { short lo, hi; }; }; enum { HOLD_X, HOLD_Y } kind; };
        typedef struct { long a; union { char c; int i; } u; } header_anon_t;
        """;

    public static string Unit(int i, string extra = "") => Header + $"\nstruct holder holder{i}; header_anon_t anon{i};\n" + extra;

    public static string Link(string flags, params string[] sources)
    {
        // -fcommon: the units' identical tentative definitions merge instead of clashing.
        var objects = sources.Select(s => DwarfCompiler.Object(s, flags, "-fcommon")).ToArray();
        var linked = Path.Combine(Path.GetDirectoryName(objects[0])!, "linked.o");
        Gcc.Run(Gcc.Executable, ["-r", "-nostdlib", .. objects, "-o", linked]);
        return linked;
    }

    [Theory]
    [InlineData(DwarfFlags.Dwarf5)]
    [InlineData(DwarfFlags.Dwarf4)]
    public void Many_copies_of_a_unit_read_like_one(string flags)
    {
        var one = LayoutText.Describe(DwarfCompiler.Layouts(Unit(0), flags, "-fcommon"));
        var four = LayoutText.Describe(DwarfReader.ReadLayouts(ElfFile.Open(Link(flags, Unit(1), Unit(2), Unit(3), Unit(4)))));
        Assert.Equal(one, four);
    }

    [Fact]
    public void An_anonymous_type_only_a_later_unit_has_is_kept()
    {
        const string Extra = "struct { int only_here; long and_here; } late_var; enum { LATE_ONE = 11 } late_enum;";
        var set = DwarfReader.ReadLayouts(ElfFile.Open(Link(DwarfFlags.Dwarf5, Unit(1), Unit(2, Extra))));
        Assert.Contains(set.Records.Values, r => r.IsAnonymous && r.Members.Select(m => m.Name).SequenceEqual(["only_here", "and_here"]));
        Assert.Contains(set.Enums.Values, e => e.IsAnonymous && e.Constants.Length == 1 && e.Constants[0].Name == "LATE_ONE");
    }

    [Fact]
    public void A_later_unit_that_defines_what_an_earlier_one_declared_supplies_it()
    {
        const string Declares = "struct late; struct user { struct late *p; }; struct user u;";
        const string Defines = "struct late { struct { int x, y; } point; }; struct late l;";
        var set = DwarfReader.ReadLayouts(ElfFile.Open(Link(DwarfFlags.Dwarf5, Declares, Defines, Declares)));
        Assert.Equal(["point"], set.Records["late"].Members.Select(m => m.Name));
        Assert.Single(set.Records.Values, r => r.IsAnonymous);
    }
}
