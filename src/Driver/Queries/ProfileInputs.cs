using System.Collections.Frozen;
using System.Collections.Immutable;
using LayoutExpert.Incremental;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Layout.Symbols;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// The inputs of make-profile's query database. The Pre-AST changes once per
/// kernel tree (high durability); each config option is an input of its own
/// (low durability), so a memo that read CONFIG_MEMCG is invalidated by a change
/// of CONFIG_MEMCG and by nothing else; the whole config is read only where the
/// output carries all of it (Rekall's $CONFIG).
/// </summary>
public static class ProfileInputs
{
    public const string Key = "";

    public static readonly InputQuery<string, Preprocessing.PreAst.PreAst> PreAst = new("pre-ast");

    /// <summary>One option by name without the CONFIG_ prefix; null when the config does not set it.</summary>
    public static readonly InputQuery<string, ConfigValue?> ConfigOption = new("config-option", _ => null);

    /// <summary>The whole config, for outputs that carry all of it and for kbuild's compiler flags.</summary>
    public static readonly InputQuery<string, KernelConfig> Config = new("config", valueComparer: ConfigComparer.Instance);

    /// <summary>The System.map's symbols (empty without one): roots of the profile's types and its symbol table.</summary>
    public static readonly InputQuery<string, SymbolInput> Symbols = new("symbols");

    /// <summary>Per-database helpers the stages share across revisions (caches, the stage log): set once.</summary>
    public static readonly InputQuery<string, ProfileSession> Session = new("session");

    /// <summary>Two configs are the same input when they hold the same entries (paths and titles do not matter).</summary>
    private sealed class ConfigComparer : IEqualityComparer<KernelConfig>
    {
        public static readonly ConfigComparer Instance = new();

        public bool Equals(KernelConfig? x, KernelConfig? y)
        {
            if (ReferenceEquals(x, y)) return true;
            if (x is null || y is null) return false;
            var (a, b) = (x.Entries, y.Entries);
            if (a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
            {
                // Configs made from one another share entry objects: most compare by reference.
                if (!ReferenceEquals(a[i], b[i]) && (a[i].Name != b[i].Name || !a[i].Value.Equals(b[i].Value))) return false;
            }
            return true;
        }

        public int GetHashCode(KernelConfig obj) => obj.Count;
    }
}

/// <summary>The symbols a profile lists: name to address, from System.map or /proc/kallsyms, and the banner.</summary>
/// <remarks><see cref="Sources"/> names the symbol files with their SHA-256, for the ISF metadata.</remarks>
public sealed record SymbolInput(ImmutableSortedDictionary<string, ulong> Addresses, KernelBanner? Banner, ImmutableArray<IsfSourceFile> Sources)
{
    public static SymbolInput None { get; } = new(ImmutableSortedDictionary<string, ulong>.Empty, null, []);

    public bool Equals(SymbolInput? other) =>
        other is not null && Equals(Banner, other.Banner) && Sources.SequenceEqual(other.Sources)
        && (ReferenceEquals(Addresses, other.Addresses) || Addresses.SequenceEqual(other.Addresses));

    public override int GetHashCode() => HashCode.Combine(Addresses.Count, Sources.Length);

    /// <summary>One object, so that a thread reading it sees a table and its own names.</summary>
    private Tuple<ImmutableSortedDictionary<string, ulong>, FrozenSet<string>>? _names;

    /// <summary>
    /// The symbols' names as a set, made once per address table (the types query asks on every config; a copy
    /// made by <c>with</c> carries the cache only for the very table it was made from).
    /// </summary>
    public IReadOnlySet<string> Names
    {
        get
        {
            if (_names is { } known && ReferenceEquals(known.Item1, Addresses)) return known.Item2;
            var names = Addresses.Keys.ToFrozenSet(StringComparer.Ordinal);
            _names = Tuple.Create(Addresses, names);
            return names;
        }
    }
}
