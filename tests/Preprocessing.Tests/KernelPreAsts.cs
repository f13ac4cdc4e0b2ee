using System.Collections.Concurrent;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests;

/// <summary>
/// Pre-ASTs of the real Debian kernels, built once per test run from the
/// project's module.c: 6.1 and 6.12, each from its -common tree (with the amd64
/// flavour's generated headers) and from its -common-rt tree (with rt-amd64's).
/// </summary>
public static class KernelPreAsts
{
    public static readonly TheoryData<string, bool> Trees = new()
    {
        { "6.1.0-56", false },
        { "6.1.0-56", true },
        { "6.12.117+deb12", false },
        { "6.12.117+deb12", true },
    };

    private static readonly ConcurrentDictionary<(string, bool), Lazy<PreAstBuilder.Result>> Built = new();

    public static string ModulePath => Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "module.c");

    public static string[] TreeDirs(string kernel, bool rt) =>
        [KernelCache.CommonTree(kernel, rt), KernelCache.FlavourTree(kernel, rt ? "rt-amd64" : "amd64")];

    public static string BoundsPath => Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "bounds.c");

    public static PreAstBuilder.Result Get(string kernel, bool rt) =>
        Built.GetOrAdd((kernel, rt), key => new Lazy<PreAstBuilder.Result>(() => PreAstBuilder.Build(
            new PreAstBuildOptions(TreeDirs(key.Item1, key.Item2), ArchitectureLayout.X86_64, ModulePath, File.ReadAllText(ModulePath))
            {
                AdditionalSources = [("bounds.c", File.ReadAllText(BoundsPath))],
            }))).Value;
}
