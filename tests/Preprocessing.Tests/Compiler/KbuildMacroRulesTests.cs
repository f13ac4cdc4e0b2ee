using LayoutExpert.Preprocessing.Compiler;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Preprocessing.Tests.Compiler;

/// <summary>
/// Each configuration-dependent rule against gcc: kbuild's real 6.1 command,
/// with the flag the rule says kbuild would pass instead, run with -dM.
/// </summary>
public class KbuildMacroRulesTests
{
    private const string Kernel = "6.1.0-56";

    [Theory]
    [InlineData("CONFIG_STACKPROTECTOR=y\nCONFIG_STACKPROTECTOR_STRONG=y\n", "-fstack-protector-strong", "-fstack-protector-strong")]
    [InlineData("CONFIG_STACKPROTECTOR=y\n", "-fstack-protector-strong", "-fstack-protector")]
    [InlineData("", "-fstack-protector-strong", "-fno-stack-protector")]
    [InlineData("CONFIG_STACKPROTECTOR=y\nCONFIG_STACKPROTECTOR_STRONG=y\nCONFIG_CC_OPTIMIZE_FOR_SIZE=y\n", "-O2", "-Os")]
    [InlineData("CONFIG_STACKPROTECTOR=y\nCONFIG_STACKPROTECTOR_STRONG=y\nCONFIG_X86_KERNEL_IBT=y\n", "-fcf-protection=none", "-fcf-protection=branch")]
    public void A_config_dependent_flag_changes_the_macros_as_gcc_does(string configText, string kbuildFlag, string replacement)
    {
        var config = KernelConfigReader.Parse("CONFIG_GCC_VERSION=120200\n" + configText, "test.config").Config;
        var command = KbuildCommand.For(Kernel);
        var flags = command.FlagsWithoutFiles.Select(f => f == kbuildFlag ? replacement : f).Where(f => !f.StartsWith("-D", StringComparison.Ordinal)).ToList();
        Assert.Contains(replacement, flags);
        var expected = DashDM.Parse(command.Run([.. flags, "-dM", "-E", "-x", "c", "/dev/null"]));
        var model = CompilerModel.ForKernel(config, LinuxVersion.Code(6, 1, 192));
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal),
            model.BuiltinMacros.Select(m => KeyValuePair.Create(m.Name, m.Parameters + "|" + m.Replacement)).OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Kernels_from_6_2_get_funsigned_char()
    {
        var config = KernelConfigReader.Parse("CONFIG_GCC_VERSION=120200\n", "test.config").Config;
        Assert.False(CompilerModel.ForKernel(config, LinuxVersion.Code(6, 1, 255)).UnsignedChar);
        Assert.True(CompilerModel.ForKernel(config, LinuxVersion.Code(6, 2, 0)).UnsignedChar);
        Assert.Contains(CompilerModel.ForKernel(config, LinuxVersion.Code(6, 2, 0)).BuiltinMacros, m => m.Name == "__CHAR_UNSIGNED__" && m.Replacement == "1");
    }

    [Fact]
    public void The_gcc_version_macros_follow_config_gcc_version_with_a_warning_when_it_is_not_the_captured_gcc()
    {
        var config = KernelConfigReader.Parse("CONFIG_GCC_VERSION=110302\n", "test.config").Config;
        var model = CompilerModel.ForKernel(config, LinuxVersion.Code(6, 1, 0));
        var macros = model.BuiltinMacros.ToDictionary(m => m.Name, m => m.Replacement);
        Assert.Equal(("11", "3", "2", "\"11.3.2\""), (macros["__GNUC__"], macros["__GNUC_MINOR__"], macros["__GNUC_PATCHLEVEL__"], macros["__VERSION__"]));
        Assert.Equal("LE2301", Assert.Single(model.Diagnostics).Code);

        var noVersion = CompilerModel.ForKernel(KernelConfigReader.Parse("", "empty.config").Config, LinuxVersion.Code(6, 1, 0));
        Assert.Equal("LE2302", Assert.Single(noVersion.Diagnostics).Code);
        Assert.Equal("12", noVersion.BuiltinMacros.Single(m => m.Name == "__GNUC__").Replacement);
    }

    [Fact]
    public void Module_names_are_fixed_as_kbuild_does()
    {
        var config = KernelConfigReader.Parse("CONFIG_GCC_VERSION=120200\n", "test.config").Config;
        var macros = CompilerModel.ForKernel(config, LinuxVersion.Code(6, 1, 0), "my-mod,x").CommandLineMacros;
        Assert.Equal(["__KERNEL__ 1", "MODULE 1", "KBUILD_BASENAME \"my_mod_x\"", "KBUILD_MODNAME \"my_mod_x\"", "__KBUILD_MODNAME kmod_my_mod_x"],
            macros.Select(m => $"{m.Name} {m.Replacement}"));
    }

    [Fact]
    public void The_embedded_facts_load_cleanly()
    {
        var facts = GccFacts.LoadEmbedded();
        Assert.Empty(facts.Diagnostics);
        Assert.Equal(353, facts.BaseMacros.Length);
        Assert.StartsWith("gcc-12 ", facts.CompilerVersion);
        Assert.Contains("x86_64", facts.Assertions["cpu"]);
    }
}
