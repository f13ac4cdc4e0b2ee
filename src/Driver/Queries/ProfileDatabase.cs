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
    private readonly HashSet<string> _optionsSet = new(StringComparer.Ordinal);
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
    public void SetConfig(KernelConfig config)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in config.Entries)
        {
            names.Add(entry.Name);
            Database.Set(ProfileInputs.ConfigOption, entry.Name, entry.Value);
        }
        foreach (var gone in _optionsSet.Where(n => !names.Contains(n)).ToList()) Database.Set(ProfileInputs.ConfigOption, gone, null);
        _optionsSet.Clear();
        _optionsSet.UnionWith(names);
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
