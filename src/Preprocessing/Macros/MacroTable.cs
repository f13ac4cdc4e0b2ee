namespace LayoutExpert.Preprocessing.Macros;

/// <summary>
/// The macros defined at a point of a preprocessing run, by name.
/// Every lookup is a read and every define/undef a write, reported to
/// <see cref="Observer"/> (the innermost file-run recorder of a session) and
/// the names looked up collected into <see cref="ReadNames"/> (while an #if
/// is evaluated). Other state a run keeps about files (#pragma once, whether
/// autoconf.h was included) is kept here as synthetic names starting with
/// <see cref="SyntheticPrefix"/>, so it is read and written like macros.
/// With a <see cref="ConfigSource"/>, CONFIG_* names neither defined nor
/// undefined here are answered by the config once <see cref="AutoconfIncluded"/>
/// is defined (the lazy form of include/generated/autoconf.h).
/// </summary>
public sealed class MacroTable
{
    /// <summary>No C identifier starts with NUL, so synthetic names never meet a macro's.</summary>
    public const char SyntheticPrefix = '\0';

    /// <summary>Defined when include/generated/autoconf.h has been included under a lazy config source.</summary>
    public const string AutoconfIncluded = "\0autoconf";

    private const string ConfigPrefix = "CONFIG_";

    private readonly Dictionary<string, MacroDefinition> _macros = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MacroDefinition?> _configAnswers = new(StringComparer.Ordinal);
    private readonly HashSet<string> _configUndefined = new(StringComparer.Ordinal);

    public int Count => _macros.Count;

    /// <summary>Told of every read and write; null when nothing records.</summary>
    public IMacroTableObserver? Observer { get; set; }

    /// <summary>Every name looked up, in order, while not null.</summary>
    public List<string>? ReadNames { get; set; }

    /// <summary>CONFIG_ name to its definition (null: not defined) under the config; asked once per name per table.</summary>
    public Func<string, MacroDefinition?>? ConfigSource { get; set; }

    public bool TryGet(string name, out MacroDefinition definition)
    {
        var found = _macros.TryGetValue(name, out definition!) || TryConfig(name, out definition!);
        Observer?.Read(name, found ? definition : null);
        ReadNames?.Add(name);
        return found;
    }

    public bool IsDefined(string name) => TryGet(name, out _);

    /// <summary>The definition a name has now, or null, without it counting as a read.</summary>
    public MacroDefinition? Peek(string name) =>
        _macros.TryGetValue(name, out var definition) || TryConfig(name, out definition) ? definition : null;

    /// <summary>
    /// What <paramref name="name"/> would read as right after autoconf.h's
    /// inclusion from here: its #define if it has one, else the config's
    /// answer (the inclusion defines every option afresh, so earlier #undefs
    /// no longer hold). A run that includes autoconf.h itself and then reads
    /// an option saw this, not what the name holds where the run starts.
    /// </summary>
    public MacroDefinition? PeekAfterAutoconf(string name)
    {
        if (_macros.TryGetValue(name, out var definition)) return definition;
        if (ConfigSource is null || !name.StartsWith(ConfigPrefix, StringComparison.Ordinal)) return null;
        if (!_configAnswers.TryGetValue(name, out var answer)) _configAnswers[name] = answer = ConfigSource(name);
        return answer;
    }

    /// <summary>Defines or replaces; returns the definition it replaced, if any.</summary>
    public MacroDefinition? Define(MacroDefinition definition)
    {
        _macros.TryGetValue(definition.Name, out var previous);
        _macros[definition.Name] = definition;
        if (ConfigSource is not null)
        {
            _configUndefined.Remove(definition.Name);
            // autoconf.h defines every option afresh: an earlier #undef of one no longer holds.
            if (definition.Name == AutoconfIncluded) _configUndefined.Clear();
        }
        Observer?.Wrote(definition.Name, definition);
        return previous;
    }

    public bool Undefine(string name)
    {
        var removed = _macros.Remove(name);
        if (ConfigSource is not null && name.StartsWith(ConfigPrefix, StringComparison.Ordinal)) removed |= _configUndefined.Add(name);
        Observer?.Wrote(name, null);
        return removed;
    }

    /// <summary>Sets a name to a recorded effect (a definition or, for null, undefined) without reporting a write.</summary>
    /// <remarks>A replay applies thousands of these: what <see cref="Define"/> and <see cref="Undefine"/> do, without the observer.</remarks>
    internal void Apply(string name, MacroDefinition? definition)
    {
        if (definition is null)
        {
            _macros.Remove(name);
            if (ConfigSource is not null && name.StartsWith(ConfigPrefix, StringComparison.Ordinal)) _configUndefined.Add(name);
            return;
        }
        _macros[name] = definition;
        if (ConfigSource is not null)
        {
            if (_configUndefined.Count > 0) _configUndefined.Remove(name);
            if (name.Length > 0 && name[0] == SyntheticPrefix && name == AutoconfIncluded) _configUndefined.Clear();
        }
    }

    /// <summary>The macros (synthetic state left out).</summary>
    public IEnumerable<MacroDefinition> All => _macros.Values.Where(m => m.Name.Length == 0 || m.Name[0] != SyntheticPrefix);

    private bool TryConfig(string name, out MacroDefinition definition)
    {
        definition = null!;
        if (ConfigSource is null || !name.StartsWith(ConfigPrefix, StringComparison.Ordinal)
            || !_macros.ContainsKey(AutoconfIncluded) || _configUndefined.Contains(name))
        {
            return false;
        }
        if (!_configAnswers.TryGetValue(name, out var answer))
        {
            answer = ConfigSource(name);
            _configAnswers[name] = answer;
        }
        definition = answer!;
        return answer is not null;
    }
}

/// <summary>What a recorder sees of a macro table: each name read (with what it held) and each write.</summary>
public interface IMacroTableObserver
{
    /// <summary>A lookup of <paramref name="name"/>, which held <paramref name="seen"/> (null: not defined).</summary>
    void Read(string name, MacroDefinition? seen);

    /// <summary>A #define (<paramref name="now"/>) or #undef (null) of <paramref name="name"/>.</summary>
    void Wrote(string name, MacroDefinition? now);
}
