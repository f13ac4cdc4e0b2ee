using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Issue 5's figure: a whole make-profile process on the 6.1 amd64 config,
/// Pre-AST load to profile written, as an analyst runs it — the NativeAOT
/// binary (scripts/build-native.sh) and, for comparison, the net10.0 build
/// under the JIT. The baseline is gcc's own front end on the same unit:
/// kbuild's exact command for module.c with <c>-fsyntax-only</c> in place of
/// <c>-c</c> (scripts/kbuild-preprocess.sh --print-syntax-only), so the
/// Ratio column reads "times gcc". Each invocation starts a process; peak
/// memory is the process's, not this one's (measure it with /usr/bin/time).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15)]
public class MakeProfileProcessBenchmarks
{
    private string _native = "";
    private string _managed = "";
    private string _preAstFile = "";
    private string _config = "";
    private string _output = "";
    private string _gccDirectory = "";
    private string[] _gccCommand = [];

    [GlobalSetup]
    public void Setup()
    {
        var scripts = Path.Combine(RepoPaths.Root, "scripts");
        _native = Gcc.Run("bash", [Path.Combine(scripts, "build-native.sh")]).Trim();
        _managed = Path.Combine(RepoPaths.Root, "src", "Driver", "bin", "Release", "net10.0", "layout-expert");
        if (!File.Exists(_managed)) throw new InvalidOperationException($"build src/Driver in Release first: no {_managed}");

        var work = Directory.CreateTempSubdirectory("layoutexpert-bench-process-").FullName;
        _preAstFile = Path.Combine(work, "6.1.preast");
        PreAstWriter.WriteFile(PreAstBuilder.Build(KernelInputs.Options61()).PreAst, _preAstFile, compress: false);
        _config = KernelCache.Config(KernelInputs.Kernel, "amd64");
        _output = Path.Combine(work, "profile.json");

        var module = Path.Combine(work, "kbuild");
        Gcc.Run("bash", [Path.Combine(scripts, "build-module.sh"), KernelInputs.Kernel, "amd64", module]);
        var command = Gcc.Run("bash", [Path.Combine(scripts, "kbuild-preprocess.sh"), KernelInputs.Kernel, "amd64", module, "--print-syntax-only"])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        _gccDirectory = command[0];
        _gccCommand = command[1..];
    }

    [Benchmark(Baseline = true)]
    public int GccSyntaxOnly() => Run(_gccCommand[0], _gccCommand[1..], _gccDirectory);

    [Benchmark]
    public int MakeProfileNative() => Run(_native, ["make-profile", "--config", _config, _preAstFile, "-o", _output], null);

    [Benchmark]
    public int MakeProfileManaged() => Run(_managed, ["make-profile", "--config", _config, _preAstFile, "-o", _output], null);

    private static int Run(string program, IEnumerable<string> args, string? directory)
    {
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        if (directory is not null) info.WorkingDirectory = directory;
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited {process.ExitCode}: {stderr.Result}");
        return stdout.Result.Length + stderr.Result.Length;
    }
}
