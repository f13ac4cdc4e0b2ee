using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>
/// kbuild-setup reads the config option by option (so a flip of an option
/// gcc's flags ignore leaves it valid): the setup it makes that way is the one
/// made from the whole config, for every Debian flavour and with the options
/// the flag rules test flipped.
/// </summary>
public class KbuildSetupTests
{
    private const string Kernel = "6.1.0-56";

    public static TheoryData<string> Flavours => new() { "amd64", "cloud-amd64", "rt-amd64" };

    [Theory]
    [MemberData(nameof(Flavours))]
    public void Option_by_option_gives_the_setup_of_the_whole_config(string flavour)
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var config = KernelInputs.Config(Kernel, flavour);
        var yes = new ConfigValue(ConfigValueKind.Yes, "y");
        // The options kbuild's flag rules and generated headers depend on, each flipped, and one nothing reads.
        var variants = new[] { config }
            .Concat(new[] { "X86_KERNEL_IBT", "STACKPROTECTOR_STRONG", "STACKPROTECTOR", "CC_OPTIMIZE_FOR_SIZE", "FUNCTION_TRACER", "RANDSTRUCT", "MEMCG" }
                .Select(o => config.With(o, config.IsBuiltin(o) ? null : yes)))
            .Append(config.With("HZ", new ConfigValue(ConfigValueKind.Decimal, "1000")))
            .Append(config.With("GCC_VERSION", new ConfigValue(ConfigValueKind.Decimal, "110300")));
        var setups = new List<KbuildSetup>();
        foreach (var variant in variants)
        {
            var read = new HashSet<string>(StringComparer.Ordinal);
            var byOption = KernelConfig.OptionByOption(variant.Path, name =>
            {
                read.Add(name);
                return variant[name];
            });
            var whole = KbuildSetup.For(preAst, variant);
            var lazy = KbuildSetup.For(preAst, byOption);
            Assert.Equal(whole, lazy);
            Assert.Equal(whole.Options.PredefinedMacros, lazy.Options.PredefinedMacros);
            Assert.Equal(whole.Options.GeneratedHeaders.OrderBy(p => p.Key), lazy.Options.GeneratedHeaders.OrderBy(p => p.Key));
            Assert.Equal(whole.RandstructPlugin, lazy.RandstructPlugin);
            // A handful of the config's thousands of options: the rest can change without this setup running again.
            Assert.InRange(read.Count, 1, 30);
            Assert.DoesNotContain("MEMCG", read);
            setups.Add(lazy);
        }
        // The flag options do move the setup (so reading them one by one matters).
        Assert.NotEqual(setups[0], setups[1]);
        Assert.Equal(setups[0], setups[7]);
    }

    [Fact]
    public void A_config_read_option_by_option_lists_no_entries()
    {
        var config = KernelConfig.OptionByOption("x", _ => null);
        Assert.Throws<InvalidOperationException>(() => config.Entries);
        Assert.False(config.IsSet("MEMCG"));
    }
}
