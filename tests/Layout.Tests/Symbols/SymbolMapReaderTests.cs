using LayoutExpert.Layout.Symbols;

namespace LayoutExpert.Layout.Tests.Symbols;

public sealed class SymbolMapReaderTests
{
    private const string SystemMap = """
        0000000000000000 D __per_cpu_start
        0000000000000000 A VDSO32_PRELINK
        ffffffff81000000 T _text
        ffffffff81000000 T startup_64
        ffffffff810a1b20 t cleanup
        ffffffff82200100 R linux_banner
        ffffffff82a0c940 D init_task
        ffffffff82a0a000 D init_top_pgt
        ffffffff81b00010 t cleanup
        ffffffff83400000 B __bss_start
        ffffffff83400010 b rs.12
        ffffffff83500000 W weak_hook
        """;

    [Fact]
    public void Reads_address_type_and_name_keeping_type_letters_and_line_numbers()
    {
        var table = SymbolMapReader.Parse(SystemMap, "System.map");
        Assert.False(table.HasErrors);
        Assert.Equal(12, table.Entries.Length);
        Assert.Equal(new KernelSymbol(0xffffffff82a0c940, 'D', "init_task", null, 7), table.Entries[6]);
        Assert.Equal(new KernelSymbol(0, 'A', "VDSO32_PRELINK", null, 2), table.Entries[1]);
        Assert.Equal("DATTtRDDtBbW", new string([.. table.Entries.Select(s => s.Type)]));
        Assert.True(table.Entries[6].IsGlobal);
        Assert.False(table.Entries[4].IsGlobal);
    }

    [Fact]
    public void A_repeated_name_resolves_to_its_last_line_and_is_reported()
    {
        var table = SymbolMapReader.Parse(SystemMap, "System.map");
        Assert.Equal(0xffffffff81b00010UL, table.ByName["cleanup"].Address);
        Assert.Equal(9, table.ByName["cleanup"].Line);
        Assert.Equal(["cleanup"], table.RepeatedNames.ToArray());
        Assert.Equal(2, table.Entries.Count(s => s.Name == "cleanup"));
        var note = Assert.Single(table.Diagnostics, d => d.Code == "LE4804");
        Assert.Contains("'cleanup'", note.Message);
    }

    [Fact]
    public void Addresses_view_has_every_kernel_name_once()
    {
        var table = SymbolMapReader.Parse(SystemMap, "System.map");
        Assert.Equal(11, table.Addresses.Count);
        Assert.Equal(0xffffffff82200100UL, table.Addresses["linux_banner"]);
    }

    [Fact]
    public void Broken_lines_are_reported_with_line_numbers_and_the_rest_kept()
    {
        const string text = """
            ffffffff81000000 T _text
            ffffffff81000000 T
            zzzzzzzzzzzzzzzz T bad_hex
            ffffffff81000010 TT two_letters
            ffffffff81000020 T name extra words
            1ffffffff81000000 T seventeen_digits
            ffffffff81000030 t ok_again
            ffffffff81000040 t mod_sym notbracketed

            ffffffff81000050 3 digit_type
            """;
        var table = SymbolMapReader.Parse(text, "broken.map");
        Assert.Equal(["_text", "ok_again"], table.Entries.Select(s => s.Name));
        var errors = table.Diagnostics.Where(d => d.IsError).ToList();
        Assert.Equal([2, 3, 4, 5, 6, 8, 10], errors.Select(d => d.Location!.Value.Line));
        Assert.All(errors, e => Assert.Equal("LE4801", e.Code));
        Assert.All(errors, e => Assert.Equal("broken.map", e.Location!.Value.Path));
        Assert.Contains("'ffffffff81000010 TT two_letters'", errors[2].Message);
    }

    [Fact]
    public void Kallsyms_module_column_is_read_and_kept_apart()
    {
        const string kallsyms = "ffffffff81000000 T _text\n" +
                                "ffffffff82a0c940 D init_task\n" +
                                "ffffffffc0201000 t ftrace_trampoline\t[__builtin__ftrace]\n" +
                                "ffffffffc0a01000 t init_module\t[ext4]\n" +
                                "ffffffffc0b01000 t init_module\t[xfs]\n" +
                                "ffffffffc0b02000 T init_task\t[evil]\n";
        var table = SymbolMapReader.Parse(kallsyms, "/proc/kallsyms");
        Assert.False(table.HasErrors);
        Assert.Equal(6, table.Entries.Length);
        Assert.Equal(["__builtin__ftrace", "ext4", "xfs", "evil"], table.ModuleSymbols.Select(s => s.Module));
        Assert.Equal(new KernelSymbol(0xffffffffc0a01000, 't', "init_module", "ext4", 4), table.Entries[3]);
        Assert.Equal(["_text", "init_task"], table.ByName.Keys);
        Assert.Equal(0xffffffff82a0c940UL, table.Addresses["init_task"]);
        Assert.Empty(table.RepeatedNames);
        Assert.Contains(table.Diagnostics, d => d.Code == "LE4805" && d.Message.StartsWith("4 "));
    }

    [Fact]
    public void All_zero_addresses_warn_of_an_unprivileged_kallsyms()
    {
        const string hidden = "0000000000000000 T _text\n0000000000000000 D init_task\n0000000000000000 t x\t[mod]\n";
        var table = SymbolMapReader.Parse(hidden, "/proc/kallsyms");
        var warning = Assert.Single(table.Diagnostics, d => d.Code == "LE4803");
        Assert.Contains("kptr_restrict", warning.Message);
        Assert.False(table.HasErrors);
    }

    [Fact]
    public void Some_zero_addresses_are_normal_in_a_system_map()
    {
        var table = SymbolMapReader.Parse(SystemMap, "System.map");
        Assert.DoesNotContain(table.Diagnostics, d => d.Code == "LE4803");
    }

    [Fact]
    public void Addresses_not_16_digits_wide_are_read_with_one_warning()
    {
        var table = SymbolMapReader.Parse("c1000000 T _text\nc1000010 T other\nffffffff81000000 T wide\n", "i386.map");
        Assert.Equal(0xc1000000UL, table.Addresses["_text"]);
        var warning = Assert.Single(table.Diagnostics, d => d.Code == "LE4802");
        Assert.Equal(1, warning.Location!.Value.Line);
        Assert.StartsWith("2 ", warning.Message);
    }

    [Fact]
    public void Crlf_line_ends_and_blank_lines_are_accepted()
    {
        var table = SymbolMapReader.Parse("ffffffff81000000 T _text\r\n\r\nffffffff81000010 T next\r\n", "dos.map");
        Assert.Empty(table.Diagnostics);
        Assert.Equal([1, 3], table.Entries.Select(s => s.Line));
    }

    [Fact]
    public void An_empty_map_is_an_error()
    {
        Assert.Contains(SymbolMapReader.Parse("\n\n", "empty").Diagnostics, d => d.Code == "LE4806" && d.IsError);
    }

    [Fact]
    public void A_missing_file_throws_a_symbol_file_exception_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid(), "System.map");
        var error = Assert.Throws<SymbolFileException>(() => SymbolMapReader.Read(path));
        Assert.Equal(path, error.Path);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void This_machines_kallsyms_reads_without_errors()
    {
        var table = SymbolMapReader.Read("/proc/kallsyms");
        Assert.False(table.HasErrors, string.Join("\n", table.Diagnostics));
        Assert.True(table.Entries.Length > 1000, $"only {table.Entries.Length} symbols");
        Assert.True(table.ByName.ContainsKey("_text") || table.ByName.ContainsKey("_stext"));
    }
}
