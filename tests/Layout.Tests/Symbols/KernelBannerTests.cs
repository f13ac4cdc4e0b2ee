using System.Text;
using LayoutExpert.Layout.Symbols;

namespace LayoutExpert.Layout.Tests.Symbols;

public sealed class KernelBannerTests
{
    private const string Line = "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09)";

    [Fact]
    public void Banner_bytes_are_the_line_with_its_newline_and_constant_data_adds_a_nul()
    {
        var result = KernelBanner.FromProcVersion(Encoding.ASCII.GetBytes(Line + "\n"), "/proc/version");
        Assert.Empty(result.Diagnostics);
        var banner = result.Banner!;
        Assert.Equal(Encoding.ASCII.GetBytes(Line + "\n"), banner.Text.ToArray());
        Assert.Equal(Encoding.ASCII.GetBytes(Line + "\n\0"), banner.ConstantData.ToArray());
        Assert.Equal(Line.Length + 2, banner.ConstantData.Length);
        Assert.Equal(Line + "\n", banner.TextString);
    }

    [Fact]
    public void A_missing_newline_is_added_back_with_a_warning()
    {
        var result = KernelBanner.FromText(Line, "--banner");
        Assert.Equal(Encoding.ASCII.GetBytes(Line + "\n\0"), result.Banner!.ConstantData.ToArray());
        Assert.Contains(result.Diagnostics, d => d.Code == "LE4808");
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Text_after_the_first_line_is_dropped_with_a_warning()
    {
        var result = KernelBanner.FromText(Line + "\n\n", "copy");
        Assert.Equal(Line + "\n", result.Banner!.TextString);
        Assert.Contains(result.Diagnostics, d => d.Code == "LE4809");
    }

    [Fact]
    public void A_banner_not_starting_with_linux_version_is_warned()
    {
        var result = KernelBanner.FromText("Darwin Kernel Version 13.2.0\n", "x");
        Assert.NotNull(result.Banner);
        Assert.Contains(result.Diagnostics, d => d.Code == "LE4810");
    }

    [Theory]
    [InlineData("", "LE4807")]
    [InlineData("\n", "LE4807")]
    [InlineData("Linux version 6\0.1\n", "LE4811")]
    public void Empty_or_nul_banners_are_errors(string text, string code)
    {
        var result = KernelBanner.FromText(text, "x");
        Assert.Null(result.Banner);
        Assert.True(result.HasErrors);
        Assert.Contains(result.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Reading_this_machines_proc_version_gives_its_exact_bytes_plus_nul()
    {
        var bytes = File.ReadAllBytes("/proc/version");
        var result = KernelBanner.Read("/proc/version");
        Assert.Empty(result.Diagnostics);
        Assert.Equal([.. bytes, 0], result.Banner!.ConstantData.ToArray());
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Fact]
    public void An_unreadable_banner_file_throws_naming_it()
    {
        var path = "/nonexistent-" + Guid.NewGuid() + "/version";
        Assert.Equal(path, Assert.Throws<SymbolFileException>(() => KernelBanner.Read(path)).Path);
    }
}
