using BenchmarkDotNet.Attributes;
using LayoutExpert.Driver.Queries;
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
        var options = KernelInputs.Options61();
        _preAst = PreAstBuilder.Build(options).PreAst;
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream);
        _file = stream.ToArray();
        _config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
    }

    [Benchmark]
    public int LoadPreAst() => PreAstReader.Read(_file, "bench.preast").Files.Length;

    [Benchmark]
    public int TypesFromLoadedPreAst()
    {
        var database = new ProfileDatabase(_preAst, reuseAcrossConfigs: false);
        database.SetConfig(_config);
        return database.Types().Types.Records.Count;
    }
}
