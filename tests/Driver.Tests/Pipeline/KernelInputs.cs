using System.Collections.Concurrent;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>Pre-ASTs of the fetched Debian kernels with the project's module.c and bounds.c (built once per run), and the flavours' configs.</summary>
internal static class KernelInputs
{
    public static readonly TheoryData<string, string> Flavours = new()
    {
        { "6.1.0-56", "amd64" },
        { "6.1.0-56", "cloud-amd64" },
        { "6.1.0-56", "rt-amd64" },
        { "6.12.117+deb12", "amd64" },
        { "6.12.117+deb12", "cloud-amd64" },
        { "6.12.117+deb12", "rt-amd64" },
    };

    private static readonly ConcurrentDictionary<(string, bool), Lazy<Preprocessing.PreAst.PreAst>> Built = new();

    private static string Module(string name) => Path.Combine(RepoPaths.Root, "src", "Driver", "Module", name);

    /// <summary>One Pre-AST per kernel tree: the -common tree serves amd64 and cloud-amd64, -common-rt serves rt-amd64.</summary>
    public static Preprocessing.PreAst.PreAst PreAst(string kernel, string flavour)
    {
        var rt = flavour == "rt-amd64";
        return Built.GetOrAdd((kernel, rt), key => new Lazy<Preprocessing.PreAst.PreAst>(() => PreAstBuilder.Build(
            new PreAstBuildOptions(
                [KernelCache.CommonTree(key.Item1, key.Item2), KernelCache.FlavourTree(key.Item1, key.Item2 ? "rt-amd64" : "amd64")],
                ArchitectureLayout.X86_64, Module("module.c"), File.ReadAllText(Module("module.c")))
            {
                AdditionalSources = [("bounds.c", File.ReadAllText(Module("bounds.c")))],
            }).PreAst)).Value;
    }

    public static KernelConfig Config(string kernel, string flavour)
    {
        var result = KernelConfigReader.ReadFile(KernelCache.Config(kernel, flavour));
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        return result.Config;
    }
}
