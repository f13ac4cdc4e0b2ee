using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// The same C, packaged the other ways gcc and ld can write it (type units,
/// split DWARF, compressed sections, several units linked with ld -r like a
/// kernel module), must give exactly the layouts of a plain object.
/// </summary>
public sealed class ObjectVariantTests
{
    private static readonly string Source = RecordTests.Source + BitFieldTests.Source.Replace("enum color", "enum colour") + """
        typedef struct { int x; } anon_t; anon_t anon_var;
        enum numbers { ONE = 1, MINUS = -1 } nums;
        """;

    private static string Plain(string flags) => LayoutText.Describe(DwarfCompiler.Layouts(Source, flags));

    [Theory]
    [InlineData(DwarfFlags.Dwarf5)]
    [InlineData(DwarfFlags.Dwarf4)]
    public void Type_units_give_the_same_layouts(string flags)
    {
        // -fdebug-types-section: DWARF 5 puts DW_UT_type units in COMDAT .debug_info
        // sections, DWARF 4 in .debug_types; references become DW_FORM_ref_sig8.
        var path = DwarfCompiler.Object(Source, flags, "-fdebug-types-section");
        var elf = ElfFile.Open(path);
        Assert.True(elf.FindSections(flags == DwarfFlags.Dwarf5 ? ".debug_info" : ".debug_types").Length > 1);
        Assert.Equal(Plain(flags), LayoutText.Describe(DwarfReader.ReadLayouts(elf)));
    }

    [Theory]
    [InlineData(DwarfFlags.Dwarf5)]
    [InlineData(DwarfFlags.Dwarf4)]
    public void Split_dwarf_objects_read_through_string_indexes(string flags)
    {
        // -gsplit-dwarf: the types live in unit.dwo, with names as DW_FORM_strx (DWARF 5)
        // or DW_FORM_GNU_str_index (DWARF 4) through .debug_str_offsets.dwo.
        var obj = DwarfCompiler.Object(Source, flags, "-gsplit-dwarf");
        var dwo = Path.ChangeExtension(obj, ".dwo");
        Assert.Matches("DW_FORM_(strx|GNU_str_index)", Gcc.Run("readelf", ["--debug-dump=abbrev", dwo]));
        Assert.Equal(Plain(flags), LayoutText.Describe(DwarfReader.ReadLayouts(ElfFile.Open(dwo))));
    }

    [Theory]
    [InlineData("-gz=zlib")]
    [InlineData("-gz=zlib-gnu")]
    public void Compressed_debug_sections_give_the_same_layouts(string compression)
    {
        var elf = ElfFile.Open(DwarfCompiler.Object(Source, DwarfFlags.Dwarf5, compression));
        Assert.True(elf.Sections.Any(s => s.IsCompressed || s.Name.StartsWith(".zdebug", StringComparison.Ordinal)));
        Assert.Equal(Plain(DwarfFlags.Dwarf5), LayoutText.Describe(DwarfReader.ReadLayouts(elf)));
    }

    private const string Declares = """
        struct shared;
        struct common { int a; short b; };
        struct user { struct shared *p; struct common c; int k; };
        struct user u;
        """;

    private const string Defines = """
        struct shared { long x; char y; };
        struct common { int a; short b; };
        struct shared s; struct common c;
        """;

    [Theory]
    [InlineData(DwarfFlags.Dwarf5)]
    [InlineData(DwarfFlags.Dwarf4)]
    public void Several_units_linked_with_ld_r_prefer_complete_definitions(string flags)
    {
        var oracle = GccOracle.Evaluate(Defines, ["sizeof(struct shared)", "offsetof(struct shared, y)"]);
        foreach (var order in new[] { new[] { Declares, Defines }, [Defines, Declares] })
        {
            var objects = order.Select(s => DwarfCompiler.Object(s, flags)).ToArray();
            var linked = Path.Combine(Path.GetDirectoryName(objects[0])!, "linked.o");
            Gcc.Run(Gcc.Executable, ["-r", "-nostdlib", .. objects, "-o", linked]);
            var elf = ElfFile.Open(linked);
            Assert.True(elf.IsRelocatable);

            var set = DwarfReader.ReadLayouts(elf);
            var shared = set.Records["shared"];
            Assert.Equal(oracle["sizeof(struct shared)"], shared.Size);
            Assert.Equal(oracle["offsetof(struct shared, y)"], shared.Members[1].ByteOffset);
            Assert.Equal(new PointerTypeRef(new RecordTypeRef(RecordKind.Struct, "shared")), set.Records["user"].Members[0].Type);
            Assert.Equal(["a", "b"], set.Records["common"].Members.Select(m => m.Name));
        }
    }

    [Fact]
    public void A_declaration_alone_gives_no_record_but_the_name_is_referenced()
    {
        var set = DwarfCompiler.Layouts(Declares, DwarfFlags.Dwarf5);
        Assert.False(set.Records.ContainsKey("shared"));
        Assert.Equal(new PointerTypeRef(new RecordTypeRef(RecordKind.Struct, "shared")), set.Records["user"].Members[0].Type);
    }
}
