using System.Collections.Concurrent;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>The project's module.c built by kbuild for a flavour (scripts/build-module.sh), and kbuild's own gcc -E of it (module.i); once per run.</summary>
internal static class KbuildModules
{
    private static readonly ConcurrentDictionary<(string, string), Lazy<string>> Built = new();

    /// <summary>The output directory holding module.ko, .module.o.cmd and module.i.</summary>
    public static string Get(string kernel, string flavour) => Built.GetOrAdd((kernel, flavour), key => new Lazy<string>(() =>
    {
        var outdir = Directory.CreateTempSubdirectory($"layoutexpert-kbuild-{key.Item2}-").FullName;
        var scripts = Path.Combine(RepoPaths.Root, "scripts");
        Gcc.Run("bash", [Path.Combine(scripts, "build-module.sh"), key.Item1, key.Item2, outdir]);
        Gcc.Run("bash", [Path.Combine(scripts, "kbuild-preprocess.sh"), key.Item1, key.Item2, outdir]);
        return outdir;
    })).Value;
}
