namespace LayoutExpert.Preprocessing.Config;

/// <summary>One #define line of an autoconf.h, mapped back to the Kconfig symbol it came from.</summary>
internal readonly record struct AutoconfSymbol(string Symbol, string Macro, string Value)
{
    /// <summary>
    /// The #define lines of an autoconf.h text, with the symbol each names
    /// (CONFIG_X_MODULE is symbol X when the configuration has X=m).
    /// </summary>
    public static List<AutoconfSymbol> Parse(string autoconfText, KernelConfig config)
    {
        var symbols = new List<AutoconfSymbol>();
        foreach (var rawLine in autoconfText.Split('\n'))
        {
            const string define = "#define CONFIG_";
            if (!rawLine.StartsWith(define, StringComparison.Ordinal)) continue;
            var space = rawLine.IndexOf(' ', define.Length);
            if (space < 0) continue;
            var macro = rawLine["#define ".Length..space];
            var name = macro["CONFIG_".Length..];
            if (!config.IsSet(name) && name.EndsWith("_MODULE", StringComparison.Ordinal) && config.IsModule(name[..^"_MODULE".Length]))
            {
                name = name[..^"_MODULE".Length];
            }
            symbols.Add(new AutoconfSymbol(name, macro, rawLine[(space + 1)..]));
        }
        return symbols;
    }
}
