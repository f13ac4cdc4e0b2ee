using System.Diagnostics;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Plain Stopwatch figures for the Pre-AST file, outside BenchmarkDotNet:
/// `preast-times write FILE [--compress]` builds the 6.1 amd64 Pre-AST (with
/// bounds.c, as make-profile's file has), writes FILE, and prints its size and
/// the medians of writing it and of loading it warm (in this process, the
/// built Pre-AST dropped first so the heap is as small as make-profile's at
/// load time); `preast-times load FILE` loads FILE once and prints the time,
/// for a cold process (run it with DOTNET_TieredCompilation=0, as the CLI is
/// built, and time the whole process too).
/// </summary>
public static class PreAstFileTimes
{
    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["write", var path]:
                Write(path, compress: false);
                return 0;
            case ["write", var path, "--compress"]:
                Write(path, compress: true);
                return 0;
            case ["load", var path]:
                var stopwatch = Stopwatch.StartNew();
                var loaded = PreAstReader.ReadFile(path);
                Console.WriteLine($"loaded {loaded.Files.Length} files in {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
                return 0;
            default:
                Console.Error.WriteLine("usage: preast-times write FILE [--compress] | preast-times load FILE");
                return 2;
        }
    }

    private static void Write(string path, bool compress)
    {
        var (files, megabytes, write) = BuildAndWrite(path, compress);
        var bytes = File.ReadAllBytes(path);
        var load = Median(15, () => PreAstReader.Read(bytes, path));
        Console.WriteLine($"{files} files, {megabytes:F1} MB of source");
        Console.WriteLine($"file {bytes.Length / 1e6:F2} MB; write median {write}; warm load median {load}");
    }

    private static (int Files, double Megabytes, string Write) BuildAndWrite(string path, bool compress)
    {
        var options = KernelInputs.Options61();
        var preAst = PreAstBuilder.Build(options).PreAst;
        var write = Median(5, () => PreAstWriter.WriteFile(preAst, path, compress));
        return (preAst.Files.Length, preAst.Files.Sum(f => (long)f.Root.FullWidth) / 1e6, write);
    }

    /// <summary>Median (and best) wall time, and median CPU time of the process (all threads): on a shared machine CPU time is steadier.</summary>
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
        return $"{wall[runs / 2]:F0} ms (best {wall[0]:F0}, cpu {cpu[runs / 2]:F0} ms)";
    }
}
