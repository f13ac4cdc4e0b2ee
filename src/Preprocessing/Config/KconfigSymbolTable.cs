using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// What Kconfig knows about a kernel's symbols that a .config does not say, as
/// far as autoconf.h needs it:
/// <list type="bullet">
/// <item>the hash scheme of its symbol table (which bucket each symbol is in);</item>
/// <item>the order of symbols inside a bucket, which is the reverse of the order
/// in which the Kconfig parser first met them (a property of the kernel's Kconfig
/// files, not of the configuration);</item>
/// <item>which symbols are of type hex (autoconf.h writes a hex value without a
/// 0x prefix with one: a hex symbol set to "0" becomes 0x0).</item>
/// </list>
/// Without the Kconfig files, the last two are learned from reference
/// autoconf.h files of the same kernel (every Debian header package ships one
/// with its .config); symbols not covered are ordered as a best guess: the one
/// later in the .config first (Kconfig usually meets a symbol at its definition,
/// and the .config follows definition order).
/// </summary>
public sealed class KconfigSymbolTable
{
    private readonly ImmutableHashSet<(string Earlier, string Later)> _bucketOrder;

    private KconfigSymbolTable(KconfigHashScheme scheme, ImmutableHashSet<string> hexSymbols, ImmutableHashSet<(string, string)> bucketOrder)
    {
        Scheme = scheme;
        HexSymbols = hexSymbols;
        _bucketOrder = bucketOrder;
    }

    public KconfigHashScheme Scheme { get; }

    /// <summary>Symbols known to be of type hex.</summary>
    public ImmutableHashSet<string> HexSymbols { get; }

    /// <summary>How many (earlier, later) pairs of same-bucket symbols were learned.</summary>
    public int LearnedPairCount => _bucketOrder.Count;

    /// <summary>A table with nothing learned: the scheme of the kernel version, guessed bucket order, no hex knowledge.</summary>
    public static KconfigSymbolTable Unlearned(KconfigHashScheme scheme) =>
        new(scheme, ImmutableHashSet<string>.Empty, ImmutableHashSet<(string, string)>.Empty);

    /// <summary>
    /// Learns from reference (configuration, its autoconf.h text) pairs of one
    /// kernel. The scheme is detected from them when not given; when no known
    /// scheme fits (or there are no references), <paramref name="fallback"/> is used.
    /// </summary>
    public static KconfigSymbolTable Learn(IEnumerable<(KernelConfig Config, string AutoconfText)> references, KconfigHashScheme fallback)
    {
        var parsed = references.Select(r => (r.Config, Symbols: AutoconfSymbol.Parse(r.AutoconfText, r.Config))).ToList();
        var scheme = KconfigHashScheme.Detect(parsed.Select(p => (IReadOnlyList<string>)[.. p.Symbols.Select(s => s.Symbol)]))
            ?? fallback;
        var hex = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var order = ImmutableHashSet.CreateBuilder<(string, string)>();
        foreach (var (config, symbols) in parsed)
        {
            foreach (var symbol in symbols)
            {
                if (config[symbol.Symbol] is { Kind: ConfigValueKind.Decimal } && KconfigStrings.HasHexPrefix(symbol.Value))
                {
                    hex.Add(symbol.Symbol);
                }
            }
            foreach (var bucket in symbols.GroupBy(s => scheme.Bucket(s.Symbol)))
            {
                var members = bucket.Select(s => s.Symbol).ToList();
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++) order.Add((members[i], members[j]));
                }
            }
        }
        return new KconfigSymbolTable(scheme, hex.ToImmutable(), order.ToImmutable());
    }

    /// <summary>
    /// Learns from kernel build trees of one kernel (e.g. the Debian flavour
    /// directories): each tree's .config and include/generated/autoconf.h.
    /// Trees without both files, or whose .config has errors, are skipped and reported.
    /// </summary>
    public static (KconfigSymbolTable Table, ImmutableArray<Syntax.Diagnostics.Diagnostic> Diagnostics) LearnFromTrees(IEnumerable<string> trees, KconfigHashScheme fallback)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Syntax.Diagnostics.Diagnostic>();
        var references = new List<(KernelConfig, string)>();
        foreach (var tree in trees)
        {
            var autoconf = System.IO.Path.Combine(tree, "include", "generated", "autoconf.h");
            var read = KernelConfigReader.ReadFile(System.IO.Path.Combine(tree, ".config"));
            diagnostics.AddRange(read.Diagnostics);
            if (read.HasErrors) continue;
            try
            {
                references.Add((read.Config, File.ReadAllText(autoconf)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Syntax.Diagnostics.Diagnostic.Create(ConfigDiagnostics.CannotRead, new Syntax.Text.SourceLocation(autoconf, default), e.Message));
            }
        }
        return (Learn(references, fallback), diagnostics.ToImmutable());
    }

    public bool IsHex(string symbol) => HexSymbols.Contains(symbol);

    /// <summary>The configuration's entries in the order conf_write_autoconf writes them.</summary>
    public ImmutableArray<ConfigEntry> AutoconfOrder(KernelConfig config)
    {
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < config.Entries.Length; i++) position[config.Entries[i].Name] = i;
        var result = ImmutableArray.CreateBuilder<ConfigEntry>(config.Count);
        foreach (var bucket in config.Entries.GroupBy(e => Scheme.Bucket(e.Name)).OrderBy(g => g.Key))
        {
            var remaining = bucket.ToList();
            while (remaining.Count > 0)
            {
                // Of the symbols nothing learned puts after another remaining one, the latest in the .config.
                var free = remaining.Where(e => !remaining.Any(o => o != e && _bucketOrder.Contains((o.Name, e.Name)))).ToList();
                var next = (free.Count > 0 ? free : remaining).MaxBy(e => position[e.Name])!;
                result.Add(next);
                remaining.Remove(next);
            }
        }
        return result.MoveToImmutable();
    }

    /// <summary>The macro autoconf.h defines for one entry (print_symbol_for_c).</summary>
    public MacroDefinitionText MacroFor(ConfigEntry entry) => entry.Kind switch
    {
        ConfigValueKind.Yes => MacroDefinitionText.Object("CONFIG_" + entry.Name, "1"),
        ConfigValueKind.Module => MacroDefinitionText.Object("CONFIG_" + entry.Name + "_MODULE", "1"),
        ConfigValueKind.String => MacroDefinitionText.Object("CONFIG_" + entry.Name, KconfigStrings.Escape(entry.Value.Unescaped)),
        ConfigValueKind.Hex when !KconfigStrings.HasHexPrefix(entry.Value.Text) => MacroDefinitionText.Object("CONFIG_" + entry.Name, "0x" + entry.Value.Text),
        ConfigValueKind.Decimal when IsHex(entry.Name) => MacroDefinitionText.Object("CONFIG_" + entry.Name, "0x" + entry.Value.Text),
        _ => MacroDefinitionText.Object("CONFIG_" + entry.Name, entry.Value.Text),
    };
}
