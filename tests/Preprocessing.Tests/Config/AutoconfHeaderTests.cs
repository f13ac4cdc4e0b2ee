using LayoutExpert.Preprocessing.Config;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Config;

/// <summary>Our autoconf.h against the one Kconfig wrote into each Debian flavour tree.</summary>
public class AutoconfHeaderTests(ITestOutputHelper output)
{
    /// <summary>
    /// The within-bucket order and hex types are learned from the two sibling
    /// flavours only (same kernel, same Kconfig files), never from the file
    /// being compared; the result must be byte for byte Kconfig's.
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelFlavours.All), MemberType = typeof(KernelFlavours))]
    public void Equals_kconfigs_autoconf_h_byte_for_byte_when_learned_from_sibling_flavours(string kernel, string flavour)
    {
        var config = KernelFlavours.ReadConfig(kernel, flavour);
        var siblings = KernelCache.Flavours.Where(f => f != flavour)
            .Select(f => (KernelFlavours.ReadConfig(kernel, f), File.ReadAllText(KernelFlavours.AutoconfPath(kernel, f))));
        var version = config.KernelVersion!.Value;
        var table = KconfigSymbolTable.Learn(siblings, KconfigHashScheme.ForKernelVersion(version.Major, version.Minor));
        Assert.Equal(KconfigHashScheme.ForKernelVersion(version.Major, version.Minor), table.Scheme);

        var expected = File.ReadAllText(KernelFlavours.AutoconfPath(kernel, flavour));
        var actual = AutoconfHeader.Write(config, table);
        AssertSameText(expected, actual);
        output.WriteLine($"{kernel} {flavour}: {config.Count} symbols, {table.LearnedPairCount} learned pairs, {table.HexSymbols.Count} hex symbols learned");
    }

    /// <summary>
    /// From the .config alone: the heading, every line's text except where only
    /// Kconfig's type says hex, and the bucket sequence are exact; only the order
    /// inside a hash bucket is a guess (reported, not asserted).
    /// </summary>
    [Theory]
    [MemberData(nameof(KernelFlavours.All), MemberType = typeof(KernelFlavours))]
    public void From_the_config_alone_everything_but_bucket_internal_order_and_hex_typing_is_exact(string kernel, string flavour)
    {
        var config = KernelFlavours.ReadConfig(kernel, flavour);
        var version = config.KernelVersion!.Value;
        var table = KconfigSymbolTable.Unlearned(KconfigHashScheme.ForKernelVersion(version.Major, version.Minor));
        var expected = File.ReadAllLines(KernelFlavours.AutoconfPath(kernel, flavour));
        var actual = AutoconfHeader.Write(config, table).Split('\n')[..^1];

        Assert.Equal(expected[..4], actual[..4]);
        Assert.Equal(expected.Length, actual.Length);
        // Same lines, modulo a hex symbol whose .config value lacks 0x.
        var missing = expected.Except(actual).Order().ToList();
        var extra = actual.Except(expected).Order().ToList();
        Assert.Equal(missing.Count, extra.Count);
        for (var i = 0; i < missing.Count; i++)
        {
            var ours = extra[i].Split(' ');
            Assert.Equal(missing[i], $"{ours[0]} {ours[1]} 0x{ours[2]}");
        }
        // The bucket of each line, in file order, is identical.
        var macroToSymbol = config.Entries.ToDictionary(e => e.Kind == ConfigValueKind.Module ? "CONFIG_" + e.Name + "_MODULE" : "CONFIG_" + e.Name, e => e.Name);
        uint[] Buckets(IEnumerable<string> lines) => [.. lines.Skip(4).Select(l => table.Scheme.Bucket(macroToSymbol[l.Split(' ')[1]]))];
        Assert.Equal(Buckets(expected), Buckets(actual));
        var wrongBuckets = expected.Skip(4).Zip(actual.Skip(4)).Where(p => p.First.Split(' ')[1] != p.Second.Split(' ')[1])
            .Select(p => table.Scheme.Bucket(macroToSymbol[p.First.Split(' ')[1]])).Distinct().Count();
        output.WriteLine($"{kernel} {flavour}: {expected.Length - 4} lines, {missing.Count} differ only by 0x, {wrongBuckets} buckets in a different internal order");
    }

    [Fact]
    public void Learning_from_trees_reads_their_config_and_autoconf_h_and_reports_a_missing_one()
    {
        var kernel = KernelCache.Kernels[0];
        string[] trees = [KernelCache.FlavourTree(kernel, "cloud-amd64"), KernelCache.FlavourTree(kernel, "rt-amd64"), "/nonexistent/tree"];
        var (table, diagnostics) = KconfigSymbolTable.LearnFromTrees(trees, KconfigHashScheme.PowerOfTwo16384);
        Assert.Equal(KconfigHashScheme.Prime9973, table.Scheme);
        Assert.Equal("LE2109", Assert.Single(diagnostics).Code);
        var config = KernelFlavours.ReadConfig(kernel, "amd64");
        Assert.Equal(File.ReadAllText(KernelFlavours.AutoconfPath(kernel, "amd64")), AutoconfHeader.Write(config, table));
    }

    [Theory]
    [MemberData(nameof(KernelFlavours.All), MemberType = typeof(KernelFlavours))]
    public void The_autoconf_h_lines_are_in_non_decreasing_bucket_order_under_exactly_one_known_scheme(string kernel, string flavour)
    {
        var config = KernelFlavours.ReadConfig(kernel, flavour);
        var text = File.ReadAllText(KernelFlavours.AutoconfPath(kernel, flavour));
        var symbols = text.Split('\n').Where(l => l.StartsWith("#define ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[1]["CONFIG_".Length..])
            .Select(n => config.IsSet(n) ? n : n[..^"_MODULE".Length])
            .ToList();
        var fitting = KconfigHashScheme.Known.Where(s => KconfigHashScheme.Detect([symbols]) == s).ToList();
        var version = config.KernelVersion!.Value;
        Assert.Equal([KconfigHashScheme.ForKernelVersion(version.Major, version.Minor)], fitting);
    }

    private static void AssertSameText(string expected, string actual)
    {
        if (expected == actual) return;
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        var first = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        Assert.Fail($"first difference at line {first + 1}: expected '{(first < e.Length ? e[first] : "<end>")}', got '{(first < a.Length ? a[first] : "<end>")}'");
    }
}
