using System.IO.Compression;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Config;

public class KernelConfigReaderTests
{
    private static ConfigReadResult Parse(string text) => KernelConfigReader.Parse(text, "test.config");

    [Fact]
    public void Reads_each_kind_of_assignment_and_ignores_unset_symbols_and_comments()
    {
        var result = Parse("""
            #
            # Automatically generated file; DO NOT EDIT.
            # Linux/x86 6.1.192 Kernel Configuration
            #
            CONFIG_A=y
            CONFIG_B=m
            # CONFIG_C is not set
            CONFIG_D=n

            # General setup
            CONFIG_E="a \"quoted\" \\ value"
            CONFIG_F=-17
            CONFIG_G=0xdead000000000000
            CONFIG_H=ff
            CONFIG_I=""
            """);
        Assert.Empty(result.Diagnostics);
        var config = result.Config;
        Assert.Equal(["A", "B", "E", "F", "G", "H", "I"], config.Entries.Select(e => e.Name));
        Assert.Equal("Linux/x86 6.1.192 Kernel Configuration", config.Title);
        Assert.Equal((6, 1, 192), config.KernelVersion);
        Assert.Equal("x86", config.Architecture);
        Assert.True(config.IsBuiltin("A"));
        Assert.True(config.IsModule("B"));
        Assert.False(config.IsSet("C"));
        Assert.False(config.IsSet("D"));
        Assert.Equal("a \"quoted\" \\ value", config.GetString("E"));
        Assert.Equal(-17, config.GetNumber("F"));
        Assert.Equal(ConfigValueKind.Hex, config["G"]!.Kind);
        Assert.Equal(unchecked((long)0xdead000000000000), config.GetNumber("G"));
        Assert.Equal(ConfigValueKind.Hex, config["H"]!.Kind);
        Assert.Equal(14, config["H"]!.Line);
    }

    [Fact]
    public void Macro_definitions_follow_print_symbol_for_c()
    {
        var config = Parse("CONFIG_A=y\nCONFIG_B=m\nCONFIG_S=\"x\\\"y\"\nCONFIG_N=42\nCONFIG_H=0x10\nCONFIG_P=ff\nCONFIG_Z=0\n").Config;
        var table = KconfigSymbolTable.Learn(
            [(Parse("CONFIG_Z=0\n").Config, "#define CONFIG_Z 0x0\n")], KconfigHashScheme.Prime9973);
        var macros = config.Entries.Select(table.MacroFor).ToDictionary(m => m.Name, m => m.Replacement);
        Assert.Equal("1", macros["CONFIG_A"]);
        Assert.Equal("1", macros["CONFIG_B_MODULE"]);
        Assert.Equal("\"x\\\"y\"", macros["CONFIG_S"]);
        Assert.Equal("42", macros["CONFIG_N"]);
        Assert.Equal("0x10", macros["CONFIG_H"]);
        Assert.Equal("0xff", macros["CONFIG_P"]);
        Assert.Equal("0x0", macros["CONFIG_Z"]);
        Assert.False(macros.ContainsKey("CONFIG_B"));
    }

    [Theory]
    [InlineData("CONFIG_A=y\r\nCONFIG_B=m\r\n")]
    [InlineData("CONFIG_A=y\nCONFIG_B=m")]
    public void Accepts_crlf_and_a_missing_final_newline(string text)
    {
        var result = Parse(text);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Config.Count);
    }

    [Fact]
    public void Malformed_lines_are_errors_with_file_and_line_and_reading_goes_on()
    {
        var result = Parse("CONFIG_A=y\njunk here\nCONFIG_B\nCONFIG_C=what\nCONFIG_D=\"open\nCONFIG_E-F=y\nCONFIG_G=\"a\"b\nCONFIG_H=m\n");
        Assert.Equal(["A", "H"], result.Config.Entries.Select(e => e.Name));
        Assert.Equal(
            ["LE2101@2", "LE2102@3", "LE2104@4", "LE2105@5", "LE2103@6", "LE2104@7"],
            result.Diagnostics.Select(d => $"{d.Code}@{d.Location!.Value.Line}"));
        Assert.All(result.Diagnostics, d => Assert.Equal("test.config", d.Location!.Value.Path));
        Assert.StartsWith("test.config:2:1: error: unexpected data", result.Diagnostics[0].ToString());
    }

    [Fact]
    public void A_reassigned_symbol_keeps_its_place_takes_the_last_value_and_warns()
    {
        var result = Parse("CONFIG_A=y\nCONFIG_B=y\nCONFIG_A=m\n# CONFIG_B is not set\n");
        Assert.Equal(["LE2106", "LE2106"], result.Diagnostics.Select(d => d.Code));
        Assert.False(result.HasErrors);
        var entry = Assert.Single(result.Config.Entries);
        Assert.Equal(("A", ConfigValueKind.Module, 3), (entry.Name, entry.Kind, entry.Line));
    }

    [Theory]
    [MemberData(nameof(KernelFlavours.All), MemberType = typeof(KernelFlavours))]
    public void Reads_the_real_configs_without_diagnostics_and_finds_the_compiler_version(string kernel, string flavour)
    {
        var config = KernelFlavours.ReadConfig(kernel, flavour);
        Assert.Equal(120200, config.GccVersion);
        var setLines = File.ReadLines(KernelFlavours.ConfigPath(kernel, flavour)).Count(l => l.StartsWith("CONFIG_", StringComparison.Ordinal));
        Assert.Equal(setLines, config.Count);
    }

    [Fact]
    public void A_gzip_compressed_config_reads_like_the_plain_file()
    {
        var path = KernelFlavours.ConfigPath(KernelCache.Kernels[0], "amd64");
        var plain = File.ReadAllBytes(path);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(plain);
        var fromGzip = KernelConfigReader.Read(compressed.ToArray(), "/proc/config.gz");
        var fromPlain = KernelConfigReader.Read(plain, path);
        Assert.Empty(fromGzip.Diagnostics);
        Assert.Equal(fromPlain.Config.Count, fromGzip.Config.Count);
        var firstDifference = Enumerable.Range(0, fromPlain.Config.Count).FirstOrDefault(i => fromPlain.Config.Entries[i] != fromGzip.Config.Entries[i], -1);
        Assert.True(firstDifference < 0, $"entry {firstDifference}: {(firstDifference >= 0 ? fromPlain.Config.Entries[firstDifference] + " vs " + fromGzip.Config.Entries[firstDifference] : "")}");
        Assert.Equal(fromPlain.Config.Title, fromGzip.Config.Title);
    }

    [Fact]
    public void Corrupt_gzip_data_is_an_error_not_an_exception()
    {
        byte[] bytes = [0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var result = KernelConfigReader.Read(bytes, "bad.gz");
        Assert.Equal("LE2107", Assert.Single(result.Diagnostics).Code);
        Assert.Equal(0, result.Config.Count);
    }

    [Fact]
    public void A_missing_file_is_an_error_not_an_exception()
    {
        var result = KernelConfigReader.ReadFile("/nonexistent/dir/.config");
        Assert.Equal("LE2109", Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void Random_bytes_never_throw_and_every_unreadable_line_is_reported()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), bytes =>
        {
            var result = KernelConfigReader.Read(bytes, "random");
            return result.Diagnostics.All(d => d.Location is { Path: "random" });
        }).QuickCheckThrowOnFailure();
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            var config = "CONFIG_" + (text ?? "");
            var result = KernelConfigReader.Parse(config, "random");
            return result.Config.Count + result.Diagnostics.Length >= 1 || config.Contains('\n');
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Binary_garbage_gives_errors()
    {
        var garbage = Encoding.Latin1.GetBytes("\u0000\u0001\u00ff\u00feELF\u0002\n\u0007\u0008CONFIG_\u0000=y\n");
        var result = KernelConfigReader.Read(garbage, "garbage");
        Assert.True(result.HasErrors);
        Assert.Equal(0, result.Config.Count);
    }
}
