using LayoutExpert.Preprocessing.Config;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Config;

/// <summary>The six fetched Debian flavours: their .config and the autoconf.h Kconfig wrote from it.</summary>
public static class KernelFlavours
{
    public static TheoryData<string, string> All
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var kernel in KernelCache.Kernels)
            {
                foreach (var flavour in KernelCache.Flavours) data.Add(kernel, flavour);
            }
            return data;
        }
    }

    public static string ConfigPath(string kernel, string flavour) => Path.Combine(KernelCache.FlavourTree(kernel, flavour), ".config");

    public static string AutoconfPath(string kernel, string flavour) =>
        Path.Combine(KernelCache.FlavourTree(kernel, flavour), "include", "generated", "autoconf.h");

    public static KernelConfig ReadConfig(string kernel, string flavour)
    {
        var result = KernelConfigReader.ReadFile(ConfigPath(kernel, flavour));
        Assert.Empty(result.Diagnostics);
        return result.Config;
    }
}
