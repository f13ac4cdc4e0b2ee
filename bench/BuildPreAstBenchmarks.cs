using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Bench;

/// <summary>build-pre-ast over the 6.1 -common headers, in process: read, parse, link; then writing and loading the file.</summary>
[MemoryDiagnoser]
public class BuildPreAstBenchmarks
{
    private PreAstBuildOptions _options = null!;
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private byte[] _file = [];

    [GlobalSetup]
    public void Setup()
    {
        _options = KernelInputs.Options61();
        _preAst = PreAstBuilder.Build(_options).PreAst;
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream);
        _file = stream.ToArray();
    }

    [Benchmark]
    public int BuildPreAst() => PreAstBuilder.Build(_options).PreAst.Files.Length;

    [Benchmark]
    public long WritePreAst()
    {
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream);
        return stream.Length;
    }

    [Benchmark]
    public int LoadPreAst() => PreAstReader.Read(_file, "bench.preast").Files.Length;
}
