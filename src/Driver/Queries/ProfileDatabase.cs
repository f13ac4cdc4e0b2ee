using System.Collections.Immutable;
using System.Runtime.InteropServices;
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
    /// <summary>The value each option is set to now (options set to null are left out), and the last <see cref="SetConfig"/> that listed it.</summary>
    private readonly Dictionary<string, (ConfigValue Value, int Listed)> _values = new(StringComparer.Ordinal);

    /// <summary>Numbers the <see cref="SetConfig"/> calls: an option not stamped with the current one is not in the config.</summary>
    private int _setConfigs;
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

    /// <summary>The entries of the config set last (default: none yet), for the next to be compared with entry by entry.</summary>
    private ImmutableArray<ConfigEntry> _lastEntries;

    /// <summary>Makes <paramref name="config"/> the current one: every option an input of its own, unset ones null.</summary>
    /// <remarks>
    /// A config made from the last one (<see cref="KernelConfig.With"/>: the same entry objects, one set, added or
    /// removed) is compared with it entry by entry, by reference (<see cref="SetChanges"/>): only the options that
    /// differ are looked up and set. Any other config goes option by option (<see cref="SetAll"/>).
    /// </remarks>
    public void SetConfig(KernelConfig config)
    {
        var entries = config.Entries;
        if (_lastEntries.IsDefault || !SetChanges(_lastEntries, entries)) SetAll(entries);
        _lastEntries = entries;
        Database.Set(ProfileInputs.Config, ProfileInputs.Key, config);
        _configRevision = Database.CurrentRevision;
    }

    /// <summary>
    /// Sets the options of <paramref name="now"/> that are not the very entries of <paramref name="then"/> at the
    /// corresponding place, walking both in order: an entry of one that the other lacks is an option added or
    /// removed. False, having set nothing, when the two differ by more than single entries here and there.
    /// </summary>
    private bool SetChanges(ImmutableArray<ConfigEntry> then, ImmutableArray<ConfigEntry> now)
    {
        if (then == now) return true;
        List<(string Name, ConfigValue? Value)>? changes = null;
        int i = 0, j = 0;
        while (i < now.Length || j < then.Length)
        {
            if (i < now.Length && j < then.Length)
            {
                var entry = now[i];
                var last = then[j];
                if (ReferenceEquals(entry, last) || (ReferenceEquals(entry.Name, last.Name) && ReferenceEquals(entry.Value, last.Value)))
                {
                    i++;
                    j++;
                    continue;
                }
                if (entry.Name == last.Name)
                {
                    (changes ??= []).Add((entry.Name, entry.Value));
                    i++;
                    j++;
                    continue;
                }
                if (j + 1 < then.Length && ReferenceEquals(entry, then[j + 1]))
                {
                    (changes ??= []).Add((last.Name, null));
                    j++;
                    continue;
                }
                if (i + 1 < now.Length && ReferenceEquals(now[i + 1], last))
                {
                    (changes ??= []).Add((entry.Name, entry.Value));
                    i++;
                    continue;
                }
                return false;
            }
            if (i < now.Length) (changes ??= []).Add((now[i].Name, now[i++].Value));
            else (changes ??= []).Add((then[j++].Name, null));
        }
        if (changes is null) return true;
        // An option moved (removed at one place, added at another) is left to the general way.
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in changes)
        {
            if (!names.Add(name)) return false;
        }
        var stamp = ++_setConfigs;
        foreach (var (name, value) in changes)
        {
            if (value is null)
            {
                _values.Remove(name);
                Database.Set(ProfileInputs.ConfigOption, name, null);
            }
            else
            {
                _values[name] = (value, stamp);
                Database.Set(ProfileInputs.ConfigOption, name, value);
            }
        }
        return true;
    }

    /// <summary>Sets every option of <paramref name="entries"/> whose value is not the very object set already, and unsets those it lacks.</summary>
    private void SetAll(ImmutableArray<ConfigEntry> entries)
    {
        var stamp = ++_setConfigs;
        var before = _values.Count;
        var seen = 0;
        foreach (var entry in entries)
        {
            // The slot stays valid while the loop body touches no other entry of _values.
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, entry.Name, out var exists);
            if (exists && slot.Listed != stamp)
            {
                seen++;
                slot.Listed = stamp;
                if (ReferenceEquals(slot.Value, entry.Value)) continue;
            }
            slot = (entry.Value, stamp);
            Database.Set(ProfileInputs.ConfigOption, entry.Name, entry.Value);
        }
        if (seen < before)
        {
            // Some options set before are not in this config (their stamp is an earlier call's): they are unset now.
            var gone = new List<string>(before - seen);
            foreach (var (name, slot) in _values)
            {
                if (slot.Listed != stamp) gone.Add(name);
            }
            foreach (var name in gone)
            {
                Database.Set(ProfileInputs.ConfigOption, name, null);
                _values.Remove(name);
            }
        }
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
