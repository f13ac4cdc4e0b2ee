using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Bench;

/// <summary>
/// The lexer over every header of the 6.1 Pre-AST closure (all branches).
/// MB/s = <see cref="Megabytes"/> / mean time; the setup prints the size.
/// </summary>
[MemoryDiagnoser]
public class LexerBenchmarks
{
    private string[] _texts = [];

    public double Megabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        _texts = [.. preAst.Files.Select(f => f.Root.ToFullString())];
        Megabytes = _texts.Sum(t => (long)t.Length) / 1e6;
        Console.WriteLine($"// lexer input: {_texts.Length} files, {Megabytes:F2} MB");
    }

    [Benchmark]
    public int LexAllHeaders()
    {
        var cache = new GreenNodeCache();
        var tokens = 0;
        foreach (var text in _texts) tokens += Lexer.LexAll(text, cache).Count;
        return tokens;
    }
}
