using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Bench;

/// <summary>
/// build-pre-ast over the 6.1 -common headers, in process: read, parse, link;
/// then writing and loading the file, with its sections stored (the default)
/// or deflated (--compress).
/// </summary>
[MemoryDiagnoser]
public class BuildPreAstBenchmarks
{
    private PreAstBuildOptions _options = null!;
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private byte[] _file = [];
    private byte[] _compressed = [];

    [GlobalSetup]
    public void Setup()
    {
        _options = KernelInputs.Options61();
        _preAst = PreAstBuilder.Build(_options).PreAst;
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream);
        _file = stream.ToArray();
        using var compressed = new MemoryStream();
        PreAstWriter.Write(_preAst, compressed, compress: true);
        _compressed = compressed.ToArray();
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
    public long WriteCompressedPreAst()
    {
        using var stream = new MemoryStream();
        PreAstWriter.Write(_preAst, stream, compress: true);
        return stream.Length;
    }

    [Benchmark]
    public int LoadPreAst() => PreAstReader.Read(_file, "bench.preast").Files.Length;

    [Benchmark]
    public int LoadCompressedPreAst() => PreAstReader.Read(_compressed, "bench.preast").Files.Length;
}
