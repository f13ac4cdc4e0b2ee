using BenchmarkDotNet.Attributes;
using LayoutExpert.Driver;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// make-profile's work on the 6.1 amd64 config, in process: loading the
/// Pre-AST file, and everything from a loaded Pre-AST to the laid-out types
/// (bounds.h, preprocess, parse, bind, layout). Compare with `gcc
/// -fsyntax-only` of the same unit (kbuild's command) on the same machine.
/// </summary>
[MemoryDiagnoser]
public class MakeProfileBenchmarks
{
    private byte[] _file = [];
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private KernelConfig _config = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = KernelInputs.Options61() with
        {
            AdditionalSources = [("bounds.c", File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "bounds.c")))],
        };
        _preAst = PreAstBuilder.Build(options).PreAst;
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream);
        _file = stream.ToArray();
        _config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
    }

    [Benchmark]
    public int LoadPreAst() => PreAstReader.Read(_file, "bench.preast").Files.Length;

    [Benchmark]
    public int TypesFromLoadedPreAst() =>
        ProfileBuild.Types(_preAst, _config, new HashSet<string>(), StageLog.Silent).Types.Records.Count;
}
