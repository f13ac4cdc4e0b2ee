using System.Diagnostics;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Plain Stopwatch figures for the Pre-AST file, outside BenchmarkDotNet:
/// `preast-times write FILE` builds the 6.1 amd64 Pre-AST (with bounds.c, as
/// make-profile's file has), writes FILE, and prints size, write and warm load
/// medians; `preast-times load FILE` loads FILE once, for timing a cold
/// process with `time` (run with DOTNET_TieredCompilation=0, as the CLI is built).
/// </summary>
public static class PreAstFileTimes
{
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["write", var path]:
                Write(path);
                return 0;
            case ["load", var path]:
                var stopwatch = Stopwatch.StartNew();
                var loaded = PreAstReader.ReadFile(path);
                Console.WriteLine($"loaded {loaded.Files.Length} files in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
                return 0;
            default:
                Console.Error.WriteLine("usage: preast-times write FILE | preast-times load FILE");
                return 2;
        }
    }

    private static void Write(string path)
    {
        var options = KernelInputs.Options61() with
        {
            AdditionalSources = [("bounds.c", File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "bounds.c")))],
        };
        var preAst = PreAstBuilder.Build(options).PreAst;
        var write = Median(5, () => PreAstWriter.WriteFile(preAst, path));
        var bytes = File.ReadAllBytes(path);
        var load = Median(15, () => PreAstReader.Read(bytes, path));
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        PreAstReader.Read(bytes, path);
        Console.WriteLine($"one load: {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1e6:F0} MB allocated, " +
            $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        Console.WriteLine($"{preAst.Files.Length} files, {preAst.Files.Sum(f => (long)f.Root.FullWidth) / 1e6:F1} MB of source");
        Console.WriteLine($"file {bytes.Length / 1e6:F2} MB; write median {write}; warm load median {load}");
    }

    /// <summary>Median wall time, and median CPU time of the process (all threads): the machine is shared, CPU time is steadier.</summary>
    private static string Median(int runs, Action action)
    {
        var wall = new List<double>();
        var cpu = new List<double>();
        var process = Process.GetCurrentProcess();
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            process.Refresh();
            var cpuStart = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            action();
            wall.Add(stopwatch.Elapsed.TotalMilliseconds);
            process.Refresh();
            cpu.Add((process.TotalProcessorTime - cpuStart).TotalMilliseconds);
        }
        wall.Sort();
        cpu.Sort();
        return $"{wall[runs / 2]:F0} ms (min {wall[0]:F0}, cpu {cpu[runs / 2]:F0} ms)";
    }
}
