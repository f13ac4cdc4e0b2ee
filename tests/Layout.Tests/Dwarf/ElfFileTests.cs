using System.Text;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>The ELF layer on real gcc objects: sections, symbols, and why relocations matter.</summary>
public sealed class ElfFileTests
{
    private const string Source = """
        struct a_rather_long_struct_tag_in_debug_str { unsigned long a_member_name_long_enough_for_strp; int second_member_with_a_long_name; };
        struct a_rather_long_struct_tag_in_debug_str global_variable_symbol;
        """;

    [Fact]
    public void Reads_sections_and_symbols_of_a_relocatable_object()
    {
        var elf = ElfFile.Open(DwarfCompiler.Object(Source, DwarfFlags.Dwarf5));
        Assert.True(elf.IsRelocatable);
        Assert.Equal(ElfFile.MachineX86_64, elf.Machine);
        foreach (var name in new[] { ".debug_info", ".rela.debug_info", ".debug_abbrev", ".debug_str", ".debug_line_str", ".symtab", ".strtab" })
        {
            Assert.NotNull(elf.FindSection(name));
        }
        Assert.Equal(ElfSection.TypeRela, elf.FindSection(".rela.debug_info")!.Type);
        Assert.Equal((uint)elf.FindSection(".debug_info")!.Index, elf.FindSection(".rela.debug_info")!.Info);
        Assert.Contains(elf.Symbols, s => s.Name == "global_variable_symbol");
        Assert.Contains(elf.Symbols, s => s.SymbolType == ElfSymbol.TypeSection);
    }

    [Theory]
    [MemberData(nameof(DwarfFlags.All), MemberType = typeof(DwarfFlags))]
    public void Relocations_carry_the_string_offsets(string flags)
    {
        var elf = ElfFile.Open(DwarfCompiler.Object(Source, flags));
        var info = elf.FindSection(".debug_info")!;
        // gas leaves zero in each R_X86_64_32 field of a RELA object and puts the
        // offset in the addend, so unrelocated, every strp would name .debug_str+0.
        Assert.NotEqual(elf.GetContents(info).ToArray(), elf.GetRelocatedContents(info).ToArray());

        var record = DwarfReader.ReadLayouts(elf).Records["a_rather_long_struct_tag_in_debug_str"];
        Assert.Equal(["a_member_name_long_enough_for_strp", "second_member_with_a_long_name"], record.Members.Select(m => m.Name));
        Assert.Contains("long unsigned int", DwarfReader.ReadLayouts(elf).BaseTypes.Keys);
    }

    [Fact]
    public void Names_come_from_debug_str_through_relocations()
    {
        // readelf is an independent reader of the same object: its strings must be ours.
        var path = DwarfCompiler.Object(Source, DwarfFlags.Dwarf5);
        var dump = Gcc.Run("readelf", ["--debug-dump=info", path]);
        Assert.Contains("(indirect string, offset: 0x", dump);
        var set = DwarfReader.ReadLayouts(ElfFile.Open(path));
        foreach (var name in set.Records.Keys.Concat(set.BaseTypes.Keys)) Assert.Contains(": " + name, dump);
    }

    [Fact]
    public void Not_an_elf_file_is_a_format_error()
    {
        var e = Assert.Throws<DwarfFormatException>(() => ElfFile.Read(Encoding.ASCII.GetBytes("#!/bin/sh\necho this is no object file, just a script\n")));
        Assert.Equal("ELF header", e.Section);
        Assert.Throws<DwarfFormatException>(() => ElfFile.Read(new byte[10]));
    }

    [Fact]
    public void Elf32_and_big_endian_are_rejected_clearly()
    {
        var bytes = File.ReadAllBytes(DwarfCompiler.Object(Source, DwarfFlags.Dwarf5));
        var elf32 = (byte[])bytes.Clone();
        elf32[4] = 1;
        Assert.Contains("64-bit", Assert.Throws<DwarfFormatException>(() => ElfFile.Read(elf32)).Message);
        var bigEndian = (byte[])bytes.Clone();
        bigEndian[5] = 2;
        Assert.Contains("little-endian", Assert.Throws<DwarfFormatException>(() => ElfFile.Read(bigEndian)).Message);
    }

    [Fact]
    public void An_object_without_debug_information_says_so()
    {
        var path = Gcc.CompileObject(Source, "-O0");
        var e = Assert.Throws<DwarfFormatException>(() => DwarfReader.ReadLayouts(ElfFile.Open(path)));
        Assert.Contains("no debug information", e.Message);
    }
}
