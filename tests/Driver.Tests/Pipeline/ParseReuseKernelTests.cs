using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// Reusing declarations on the real kernel unit: the 6.1 module unit
/// preprocessed under the amd64 config, then cloud-amd64, then amd64 with
/// CONFIG_MEMCG off, each parsed with one <see cref="ReusableDeclarations"/>
/// and one cache, gives the very tree, text and diagnostics of a fresh parse,
/// while most declarations come from the earlier parses.
/// </summary>
public class ParseReuseKernelTests(ITestOutputHelper output)
{
    private const string Kernel = "6.1.0-56";

    [Fact]
    public void Reparsing_after_config_changes_equals_a_fresh_parse()
    {
        var amd64 = File.ReadAllText(KernelCache.Config(Kernel, "amd64"));
        // MEMCG_KMEM depends on MEMCG: olddefconfig would turn it off too.
        var memcgOff = amd64.Replace("CONFIG_MEMCG=y\n", "# CONFIG_MEMCG is not set\n", StringComparison.Ordinal)
            .Replace("CONFIG_MEMCG_KMEM=y\n", "# CONFIG_MEMCG_KMEM is not set\n", StringComparison.Ordinal);
        Assert.NotEqual(amd64, memcgOff);
        var cache = new GreenNodeCache();
        var reuse = new ReusableDeclarations();

        var first = ParseBoth("amd64", amd64, cache, reuse);
        Assert.True(first.DeclarationsParsed > 15_000, first.ToString());
        // Only declarations that repeat within the unit itself can be reused the first time.
        Assert.True(first.DeclarationsReused < first.DeclarationsParsed / 10, first.ToString());

        var cloud = ParseBoth("cloud-amd64", File.ReadAllText(KernelCache.Config(Kernel, "cloud-amd64")), cache, reuse);
        Assert.True(cloud.DeclarationsReused > 0.9 * (cloud.DeclarationsReused + cloud.DeclarationsParsed), cloud.ToString());

        var flipped = ParseBoth("amd64 without MEMCG", memcgOff, cache, reuse);
        Assert.True(flipped.DeclarationsParsed > 0, "MEMCG changes some declarations: " + flipped);
        Assert.True(flipped.DeclarationsReused > 0.95 * (flipped.DeclarationsReused + flipped.DeclarationsParsed), flipped.ToString());
        Assert.True(flipped.TokensReused > 0.85 * (flipped.TokensReused + flipped.TokensParsed), flipped.ToString());

        // Keeping only what the latest parse used bounds the memory, and reuse stays exact.
        var before = reuse.Count;
        reuse.Trim();
        Assert.True(reuse.Count < before, $"{reuse.Count} of {before} kept");
        Assert.True(reuse.Count <= flipped.DeclarationsReused + flipped.DeclarationsParsed, $"{reuse.Count} kept");
        var again = ParseBoth("amd64 after trimming", amd64, cache, reuse);
        Assert.True(again.DeclarationsReused > 0.95 * (again.DeclarationsReused + again.DeclarationsParsed), again.ToString());
    }

    private ReuseStatistics ParseBoth(string name, string configText, GreenNodeCache cache, ReusableDeclarations reuse)
    {
        var preprocessed = Preprocess(configText);
        var tokens = ParserInput.FromTokens(preprocessed.Tokens, cache);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var reused = CParser.ParseTranslationUnit(tokens, cache, reuse);
        var took = watch.Elapsed;
        var freshCache = new GreenNodeCache();
        var fresh = CParser.ParseTranslationUnit(ParserInput.FromTokens(preprocessed.Tokens, freshCache), freshCache);
        output.WriteLine($"{name}: {preprocessed.Tokens.Count} tokens, parse with reuse {took.TotalMilliseconds:F0} ms: {reuse.LastParse}");
        Assert.True(reused.Root.IsEquivalentTo(fresh.Root), name + ": the trees differ");
        Assert.Equal(fresh.Root.ToFullString(), reused.Root.ToFullString());
        Assert.Equal(Describe(fresh), Describe(reused));
        return reuse.LastParse;
    }

    private static string[] Describe(CParseResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.RelativeOffset}+{d.Length} {d.Descriptor.Code} {d.Message}")];

    private static PreprocessResult Preprocess(string configText)
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var config = KernelConfigReader.Parse(configText, "test.config");
        Assert.False(config.HasErrors, string.Join('\n', config.Diagnostics));
        var generated = Path.Combine(KernelCache.FlavourTree(Kernel, "amd64"), "include", "generated");
        var other = new Dictionary<string, string> { ["include/generated/bounds.h"] = File.ReadAllText(Path.Combine(generated, "bounds.h")) };
        var result = Preprocessor.Run(preAst, KbuildCompilation.Create(preAst, config.Config, other).Options);
        Assert.Empty(result.Diagnostics.Where(d => d.IsError));
        return result;
    }
}
