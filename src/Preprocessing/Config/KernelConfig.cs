using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>
/// A kernel configuration as a .config file states it: the symbols that are set
/// (y, m, numbers, strings), in file order, and the title line of its heading
/// ("Linux/x86 6.1.192 Kernel Configuration"). Symbols that are "not set" or
/// "=n" are absent. Immutable; read one with <see cref="KernelConfigReader"/>.
/// </summary>
public sealed partial class KernelConfig
{
    private readonly ImmutableDictionary<string, ConfigEntry>? _byName;
    private readonly ImmutableArray<ConfigEntry> _entries;

    /// <summary>For a config read option by option: where each is looked up.</summary>
    private readonly Func<string, ConfigEntry?>? _lookup;

    public KernelConfig(string path, string? title, ImmutableArray<ConfigEntry> entries)
    {
        Path = path;
        Title = title;
        _entries = entries;
        _byName = entries.ToImmutableDictionary(e => e.Name, StringComparer.Ordinal);
    }

    private KernelConfig(string path, Func<string, ConfigEntry?> lookup)
    {
        Path = path;
        _lookup = lookup;
    }

    /// <summary>
    /// A config whose options are looked up one at a time through
    /// <paramref name="lookup"/> (a query context's option inputs, so whatever
    /// reads it depends on exactly the options it asked for). It has no list
    /// of entries and no title: <see cref="Entries"/> throws, so nothing can
    /// read all of it by mistake.
    /// </summary>
    public static KernelConfig OptionByOption(string path, Func<string, ConfigEntry?> lookup) => new(path, lookup);

    /// <summary>The file it was read from (for messages).</summary>
    public string Path { get; }

    /// <summary>The heading's title line without "# ", e.g. "Linux/x86 6.1.192 Kernel Configuration"; null if the file has no Kconfig heading.</summary>
    public string? Title { get; }

    /// <summary>Set symbols in file order (a symbol assigned twice keeps its first place and its last value, as Kconfig's menu order would).</summary>
    public ImmutableArray<ConfigEntry> Entries =>
        _lookup is null ? _entries : throw new InvalidOperationException("a config read option by option has no list of entries");

    public int Count => Entries.Length;

    /// <summary>The entry for a symbol name (without CONFIG_), or null when the symbol is not set.</summary>
    public ConfigEntry? this[string name] => _lookup is not null ? _lookup(name) : _byName!.GetValueOrDefault(name);

    public bool IsSet(string name) => this[name] is not null;

    /// <summary>
    /// The same config with one symbol set to <paramref name="value"/> (kept in its place, or appended), or
    /// unset when it is null: a variant for diff, benchmarks and property tests.
    /// </summary>
    public KernelConfig With(string name, ConfigValue? value)
    {
        var entries = Entries;
        var index = -1;
        for (var i = 0; i < entries.Length && index < 0; i++)
        {
            if (entries[i].Name == name) index = i;
        }
        if (value is null) return index < 0 ? this : new KernelConfig(Path, Title, entries.RemoveAt(index));
        var entry = new ConfigEntry(name, value, index < 0 ? 0 : entries[index].Line);
        return new KernelConfig(Path, Title, index < 0 ? entries.Add(entry) : entries.SetItem(index, entry));
    }

    /// <summary>CONFIG_name=y.</summary>
    public bool IsBuiltin(string name) => this[name]?.Kind == ConfigValueKind.Yes;

    /// <summary>CONFIG_name=m.</summary>
    public bool IsModule(string name) => this[name]?.Kind == ConfigValueKind.Module;

    /// <summary>IS_ENABLED(): =y or =m.</summary>
    public bool IsEnabled(string name) => IsBuiltin(name) || IsModule(name);

    public long? GetNumber(string name) => this[name]?.Value.Number;

    /// <summary>A string symbol's value with Kconfig's escapes undone.</summary>
    public string? GetString(string name) => this[name] is { Kind: ConfigValueKind.String } e ? e.Value.Unescaped : null;

    /// <summary>CONFIG_GCC_VERSION, e.g. 120200 for gcc 12.2.0 (0 or absent when the kernel was configured for clang).</summary>
    public int? GccVersion => GetNumber("GCC_VERSION") is { } v and > 0 and <= int.MaxValue ? (int)v : null;

    /// <summary>The kernel version the title names ("6.1.192" -> (6, 1, 192)); null without a recognisable title.</summary>
    public (int Major, int Minor, int Patch)? KernelVersion
    {
        get
        {
            if (Title is null) return null;
            var match = VersionPattern().Match(Title);
            if (!match.Success) return null;
            return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
                match.Groups[3].Success ? int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        }
    }

    /// <summary>The architecture the title names ("Linux/x86 ..." -> "x86").</summary>
    public string? Architecture => Title is not null && ArchPattern().Match(Title) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"\s(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^Linux/(\S+)\s")]
    private static partial Regex ArchPattern();
}
