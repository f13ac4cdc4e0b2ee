using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>The real inputs the benchmarks run on: the fetched Debian 6.1 headers and the project's module.c and bounds.c (as build-pre-ast keeps them).</summary>
public static class KernelInputs
{
    public const string Kernel = "6.1.0-56";

    public static string ModulePath => Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "module.c");

    private static string BoundsPath => Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "bounds.c");

    public static PreAstBuildOptions Options61() => new(
        [KernelCache.CommonTree(Kernel), KernelCache.FlavourTree(Kernel, "amd64")],
        ArchitectureLayout.X86_64,
        ModulePath,
        File.ReadAllText(ModulePath))
    {
        AdditionalSources = [("bounds.c", File.ReadAllText(BoundsPath))],
    };
}
