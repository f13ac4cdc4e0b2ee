using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// The C parser on the 6.1 module unit as make-profile makes it (preprocessed
/// in the setup under the amd64 config, about 970k tokens): a fresh parse
/// (green tokens from the preprocessor's, then the parse, with a new cache, as
/// one make-profile run does), and a re-parse after one config option flipped
/// (CONFIG_MEMCG off and on in turn) with the cache and
/// <see cref="ReusableDeclarations"/> kept across parses, as a query database would.
/// </summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private IReadOnlyList<PPToken> _amd64 = [];
    private IReadOnlyList<PPToken> _memcgOff = [];
    private readonly GreenNodeCache _cache = new();
    private readonly ReusableDeclarations _reuse = new();
    private bool _flip;

    [GlobalSetup]
    public void Setup()
    {
        var preAst = Preprocessing.Linking.PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var amd64 = File.ReadAllText(KernelCache.Config(KernelInputs.Kernel, "amd64"));
        var memcgOff = amd64.Replace("CONFIG_MEMCG=y\n", "# CONFIG_MEMCG is not set\n", StringComparison.Ordinal)
            .Replace("CONFIG_MEMCG_KMEM=y\n", "# CONFIG_MEMCG_KMEM is not set\n", StringComparison.Ordinal);
        var generated = Path.Combine(KernelCache.FlavourTree(KernelInputs.Kernel, "amd64"), "include", "generated");
        var other = new Dictionary<string, string> { ["include/generated/bounds.h"] = File.ReadAllText(Path.Combine(generated, "bounds.h")) };
        IReadOnlyList<PPToken> Preprocess(string text) =>
            Preprocessor.Run(preAst, KbuildCompilation.Create(preAst, KernelConfigReader.Parse(text, "bench.config").Config, other).Options).Tokens;
        _amd64 = Preprocess(amd64);
        _memcgOff = Preprocess(memcgOff);
        Reparse();
        Reparse();
        Console.WriteLine($"// {_amd64.Count:N0} and {_memcgOff.Count:N0} tokens; re-parse: {_reuse.LastParse}");
    }

    /// <summary>ParserInput and the parse of the amd64 unit with a new cache: what one make-profile run does.</summary>
    [Benchmark]
    public int FreshParse()
    {
        var cache = new GreenNodeCache();
        return CParser.ParseTranslationUnit(ParserInput.FromTokens(_amd64, cache), cache).Root.FullWidth;
    }

    /// <summary>ParserInput and the parse of the unit under the other config than last time, reusing declarations.</summary>
    [Benchmark]
    public int ReparseAfterFlip()
    {
        _flip = !_flip;
        return CParser.ParseTranslationUnit(ParserInput.FromTokens(_flip ? _memcgOff : _amd64, _cache), _cache, _reuse).Root.FullWidth;
    }

    private void Reparse() => ReparseAfterFlip();
}
