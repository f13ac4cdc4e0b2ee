using System.Text.RegularExpressions;
using LayoutExpert.Preprocessing.Compiler;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Compiler;

/// <summary>
/// Our predefined macros against gcc's, run with kbuild's exact command for
/// module.c (from a real build's .module.o.cmd) on an empty file, without the
/// -include files and -I directories but with every -D and every other flag.
/// </summary>
public partial class CompilerModelKbuildTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("6.1.0-56")]
    [InlineData("6.12.117+deb12")]
    public void Predefined_macros_equal_gccs_under_kbuilds_flags(string kernel)
    {
        var command = KbuildCommand.For(kernel);
        var expected = DashDM.Parse(command.Run([.. command.FlagsWithoutFiles, "-dM", "-E", "-x", "c", "/dev/null"]));

        var config = ReadConfig(kernel);
        var model = CompilerModel.ForKernel(config, LinuxVersionCode(kernel), "module");
        Assert.Empty(model.Diagnostics);
        var ours = model.PredefinedMacros.ToDictionary(m => m.Name, m => m.Parameters + "|" + m.Replacement, StringComparer.Ordinal);
        Assert.Equal(model.PredefinedMacros.Length, ours.Count); // no name twice

        var missing = expected.Keys.Except(ours.Keys).Order().ToList();
        var extra = ours.Keys.Except(expected.Keys).Order().ToList();
        var different = expected.Keys.Intersect(ours.Keys).Where(k => expected[k] != ours[k]).Order().Select(k => $"{k}: gcc '{expected[k]}', ours '{ours[k]}'").ToList();
        Assert.True(missing.Count + extra.Count + different.Count == 0,
            $"missing: {string.Join(", ", missing)}\nextra: {string.Join(", ", extra)}\ndifferent:\n{string.Join("\n", different)}");
        output.WriteLine($"{kernel}: {expected.Count} macros from gcc, equal to ours ({model.BuiltinMacros.Length} builtin + {model.CommandLineMacros.Length} -D)");
    }

    [Theory]
    [InlineData("6.1.0-56")]
    [InlineData("6.12.117+deb12")]
    public void The_command_line_macros_are_kbuilds_D_flags_in_order(string kernel)
    {
        var command = KbuildCommand.For(kernel);
        var dashD = command.Arguments.Where(a => a.StartsWith("-D", StringComparison.Ordinal))
            .Select(a => a[2..].IndexOf('=') is var eq and >= 0 ? a[2..][..eq] + " " + a[2..][(eq + 1)..] : a[2..] + " 1").ToList();
        var model = CompilerModel.ForKernel(ReadConfig(kernel), LinuxVersionCode(kernel), "module");
        Assert.Equal(dashD, model.CommandLineMacros.Select(m => $"{m.Name} {m.Replacement}"));
    }

    [Theory]
    [InlineData("6.1.0-56", false)]
    [InlineData("6.12.117+deb12", true)]
    public void Char_signedness_follows_kbuilds_funsigned_char(string kernel, bool unsignedChar)
    {
        var command = KbuildCommand.For(kernel);
        Assert.Equal(unsignedChar, command.Arguments.Contains("-funsigned-char"));
        var model = CompilerModel.ForKernel(ReadConfig(kernel), LinuxVersionCode(kernel));
        Assert.Equal(unsignedChar, model.UnsignedChar);
        Assert.Equal(unsignedChar, model.IfExpressionOptions.UnsignedChar);
    }

    internal static KernelConfig ReadConfig(string kernel)
    {
        var result = KernelConfigReader.ReadFile(Path.Combine(KernelCache.FlavourTree(kernel, "amd64"), ".config"));
        Assert.Empty(result.Diagnostics);
        return result.Config;
    }

    /// <summary>LINUX_VERSION_CODE from the flavour's generated version.h.</summary>
    internal static int LinuxVersionCode(string kernel)
    {
        var header = File.ReadAllText(Path.Combine(KernelCache.FlavourTree(kernel, "amd64"), "include", "generated", "uapi", "linux", "version.h"));
        return int.Parse(VersionCode().Match(header).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"#define LINUX_VERSION_CODE (\d+)")]
    private static partial Regex VersionCode();
}
