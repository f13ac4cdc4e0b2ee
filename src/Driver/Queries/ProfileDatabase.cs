using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Incremental;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// One query database for make-profile: one Pre-AST, any number of configs
/// passed through it one after the other. Setting a config sets each option
/// as its own input, so the next profile re-runs only what read an option
/// that changed. Between configs, memos the last config did not verify are
/// dropped, which bounds memory by one config's working set.
/// </summary>
public sealed class ProfileDatabase
{
    /// <summary>The value each option is set to now (options set to null are left out).</summary>
    private readonly Dictionary<string, ConfigValue> _values = new(StringComparer.Ordinal);
    private Revision? _configRevision;

    /// <param name="reuseAcrossConfigs">Keep what lets later configs replay preprocessed files (for several configs).</param>
    public ProfileDatabase(Preprocessing.PreAst.PreAst preAst, bool reuseAcrossConfigs = true)
    {
        PreAst = preAst;
        Session = new ProfileSession(reuseAcrossConfigs);
        Database.Set(ProfileInputs.PreAst, ProfileInputs.Key, preAst, Durability.High);
        Database.Set(ProfileInputs.Session, ProfileInputs.Key, Session, Durability.High);
        Database.Set(ProfileInputs.Symbols, ProfileInputs.Key, SymbolInput.None, Durability.Medium);
    }

    public Database Database { get; } = new();

    public Preprocessing.PreAst.PreAst PreAst { get; }

    public ProfileSession Session { get; }

    /// <summary>Makes <paramref name="config"/> the current one: every option an input of its own, unset ones null.</summary>
    /// <remarks>
    /// An option whose value is the very object already set (configs made from one another share them) is passed
    /// over without asking the database: a flip of one option costs a lookup per option and one input set.
    /// </remarks>
    public void SetConfig(KernelConfig config)
    {
        var before = _values.Count;
        var seen = 0;
        foreach (var entry in config.Entries)
        {
            if (_values.TryGetValue(entry.Name, out var current))
            {
                seen++;
                if (ReferenceEquals(current, entry.Value)) continue;
            }
            Database.Set(ProfileInputs.ConfigOption, entry.Name, entry.Value);
            _values[entry.Name] = entry.Value;
        }
        if (seen < before)
        {
            // Some options set before are not in this config: they are unset now.
            var names = config.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var gone in _values.Keys.Where(n => !names.Contains(n)).ToList())
            {
                Database.Set(ProfileInputs.ConfigOption, gone, null);
                _values.Remove(gone);
            }
        }
        Database.Set(ProfileInputs.Config, ProfileInputs.Key, config);
        _configRevision = Database.CurrentRevision;
    }

    public void SetSymbols(SymbolInput symbols) => Database.Set(ProfileInputs.Symbols, ProfileInputs.Key, symbols, Durability.Medium);

    public int SymbolCount => Database.Get(ProfileInputs.Symbols, ProfileInputs.Key).Addresses.Count;

    /// <summary>The module unit compiled under the current config (its tokens, origins, tree and bound types).</summary>
    public CompiledUnit CompiledModule() => Database.Get(ProfileQueries.Compile, Preprocessing.PreAst.PreAst.MainFile);

    /// <summary>bounds.h for the current config (its text, or why it could not be computed).</summary>
    public BoundsStage.Result Bounds() => Database.Get(ProfileQueries.Bounds, ProfileInputs.Key);

    public ProfileTypes Types() => Database.Get(ProfileQueries.Types, ProfileInputs.Key);

    public ProfileDocument Profile(ProfileFormat format) => Database.Get(ProfileQueries.Profile, format);

    /// <summary>Drops the memos the current config did not use (inputs stay); returns how many.</summary>
    public int DropUnused() => _configRevision is { } revision ? Database.DropMemosNotVerifiedSince(revision) : 0;
}
