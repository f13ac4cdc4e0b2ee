namespace LayoutExpert.Preprocessing.Macros;

/// <summary>
/// The macros defined at a point of a preprocessing run, stored by the
/// number <see cref="Names"/> gives each name (a session's tables share one
/// numbering, so recorded reads and writes are numbers too).
/// Every lookup is a read and every define/undef a write, reported by number to
/// <see cref="Observer"/> (the innermost file-run recorder of a session) and
/// the names looked up collected into <see cref="ReadNames"/> (while an #if
/// is evaluated). Other state a run keeps about files (#pragma once, whether
/// autoconf.h was included) is kept here as synthetic names starting with
/// <see cref="SyntheticPrefix"/>, so it is read and written like macros.
/// With a <see cref="ConfigSource"/>, CONFIG_* names neither defined nor
/// undefined here are answered by the config once <see cref="AutoconfIncluded"/>
/// is defined (the lazy form of include/generated/autoconf.h).
/// </summary>
public sealed class MacroTable(MacroNames? names = null)
{
    /// <summary>No C identifier starts with NUL, so synthetic names never meet a macro's.</summary>
    public const char SyntheticPrefix = '\0';

    /// <summary>Defined when include/generated/autoconf.h has been included under a lazy config source.</summary>
    public const string AutoconfIncluded = "\0autoconf";

    private const string ConfigPrefix = "CONFIG_";

    /// <summary>The config's answer for an option, asked once per name per table (kept by <see cref="MacroNames.OptionIndex"/>).</summary>
    private struct Answer
    {
        public bool Asked;
        public MacroDefinition? Definition;
    }

    /// <summary>Definitions by name number (null: not defined); grows as names are numbered.</summary>
    private MacroDefinition?[] _definitions = new MacroDefinition?[Math.Max(256, names?.Count ?? 0)];
    private Answer[] _answers = [];

    /// <summary>Options #undef'd since autoconf.h's inclusion: the config no longer answers them.</summary>
    private bool[] _undefinedOptions = [];
    private readonly List<int> _undefinedOptionIds = [];
    private int _count;

    /// <summary>The numbering of names this table stores by; a session's tables share one.</summary>
    public MacroNames Names { get; } = names ?? new MacroNames();

    public int Count => _count;

    /// <summary>Told of every read and write; null when nothing records.</summary>
    public IMacroTableObserver? Observer { get; set; }

    /// <summary>Every name looked up, in order, while not null.</summary>
    public List<string>? ReadNames { get; set; }

    /// <summary>Every read of a numbered name (with what it held), in order, while not null.</summary>
    public List<KeyValuePair<int, MacroDefinition?>>? ReadLog { get; set; }

    /// <summary>A CONFIG_ name's number to its definition (null: not defined) under the config; asked once per name per table.</summary>
    public Func<int, MacroDefinition?>? ConfigSource { get; set; }

    public bool TryGet(string name, out MacroDefinition definition) => Read(name, LookupId(name), out definition);

    public bool IsDefined(string name) => TryGet(name, out _);

    /// <summary>The same as <see cref="TryGet(string, out MacroDefinition)"/> for a name that keeps its number.</summary>
    public bool TryGet(MacroName name, out MacroDefinition definition) => Read(name.Text, NumberOf(name, define: false), out definition);

    public bool IsDefined(MacroName name) => TryGet(name, out _);

    /// <summary>A lookup: reported to the observer and the logs. A name never numbered (-1) was never defined, and no recorder keeps such a read (nothing can define it).</summary>
    private bool Read(string name, int id, out MacroDefinition definition)
    {
        ReadNames?.Add(name);
        var found = id >= 0 ? Peek(id) : null;
        if (id >= 0)
        {
            Observer?.Read(id, found);
            ReadLog?.Add(new(id, found));
        }
        definition = found!;
        return found is not null;
    }

    /// <summary>The definition name number <paramref name="id"/> has now, or null, without it counting as a read.</summary>
    public MacroDefinition? Peek(int id)
    {
        var definitions = _definitions;
        if ((uint)id < (uint)definitions.Length && definitions[id] is { } defined) return defined;
        return ConfigSource is not null && Names.IsConfig(id) && IsDefinedHere(AutoconfId) && !IsUndefinedOption(id) ? ConfigAnswer(id) : null;
    }

    /// <summary>
    /// What name number <paramref name="id"/> would read as right after
    /// autoconf.h's inclusion from here: its #define if it has one, else the
    /// config's answer (the inclusion defines every option afresh, so earlier
    /// #undefs no longer hold). A run that includes autoconf.h itself and then
    /// reads an option saw this, not what the name holds where the run starts.
    /// </summary>
    public MacroDefinition? PeekAfterAutoconf(int id)
    {
        if ((uint)id < (uint)_definitions.Length && _definitions[id] is { } defined) return defined;
        return ConfigSource is not null && Names.IsConfig(id) ? ConfigAnswer(id) : null;
    }

    /// <summary>Defines or replaces; returns the definition it replaced, if any.</summary>
    public MacroDefinition? Define(MacroDefinition definition)
    {
        var id = NumberOf(definition.NameNumber, define: true);
        var previous = Set(id, definition);
        Observer?.Wrote(id, definition);
        return previous;
    }

    public bool Undefine(string name)
    {
        var id = LookupId(name);
        // #undef of a name never numbered: it was never defined, and numbering it would tell a session a new name can be defined.
        if (id < 0) return false;
        var wasUndefinedOption = IsUndefinedOption(id);
        var removed = Set(id, null) is not null;
        if (ConfigSource is not null && Names.IsConfig(id)) removed |= !wasUndefinedOption;
        Observer?.Wrote(id, null);
        return removed;
    }

    /// <summary>Sets name number <paramref name="id"/> to a recorded effect (a definition or, for null, undefined) without reporting a write.</summary>
    /// <remarks>A replay applies thousands of these: what <see cref="Define"/> and <see cref="Undefine"/> do, without the observer.</remarks>
    internal void Apply(int id, MacroDefinition? definition) => Set(id, definition);

    /// <summary>The macros (synthetic state left out).</summary>
    public IEnumerable<MacroDefinition> All =>
        _definitions.Where(m => m is not null && (m.Name.Length == 0 || m.Name[0] != SyntheticPrefix))!;

    private int _autoconfId = -1;

    private int AutoconfId => _autoconfId >= 0 ? _autoconfId : _autoconfId = Names.IdOf(AutoconfIncluded);

    /// <summary>
    /// The number of <paramref name="name"/>, or -1 when it has none and needs
    /// none: a plain name is numbered when something can define it, an option
    /// or a synthetic name when first met (what differs between configs is
    /// always read, defined or not).
    /// </summary>
    private int LookupId(string name) => Names.Lookup(name);

    /// <summary>The number of a name that keeps it: the one kept for <see cref="Names"/>, else looked up (numbered when <paramref name="define"/>) and kept.</summary>
    private int NumberOf(MacroName name, bool define)
    {
        var id = name.IdIn(Names);
        if (id >= 0) return id;
        id = define ? Names.IdOf(name.Text) : LookupId(name.Text);
        if (id >= 0) name.Keep(Names, id);
        return id;
    }

    private bool IsDefinedHere(int id) => (uint)id < (uint)_definitions.Length && _definitions[id] is not null;

    private bool IsUndefinedOption(int id) => (uint)id < (uint)_undefinedOptions.Length && _undefinedOptions[id];

    /// <summary>Stores a definition (or, for null, removes one) with the config bookkeeping of #define and #undef; returns what was there.</summary>
    private MacroDefinition? Set(int id, MacroDefinition? definition)
    {
        if (id >= _definitions.Length) Array.Resize(ref _definitions, Math.Max(id + 1, Math.Min(_definitions.Length * 2, Names.Count + 256)));
        var previous = _definitions[id];
        _definitions[id] = definition;
        if (previous is null && definition is not null) _count++;
        else if (previous is not null && definition is null) _count--;
        if (ConfigSource is null) return previous;
        if (definition is null)
        {
            if (Names.IsConfig(id) && !IsUndefinedOption(id))
            {
                if (id >= _undefinedOptions.Length) Array.Resize(ref _undefinedOptions, Math.Max(id + 1, Names.Count + 256));
                _undefinedOptions[id] = true;
                _undefinedOptionIds.Add(id);
            }
            return previous;
        }
        if (_undefinedOptionIds.Count > 0)
        {
            if (id == AutoconfId) ClearUndefinedOptions();
            else if (IsUndefinedOption(id)) _undefinedOptions[id] = false;
        }
        return previous;
    }

    /// <summary>autoconf.h defines every option afresh: earlier #undefs of options no longer hold.</summary>
    private void ClearUndefinedOptions()
    {
        foreach (var id in _undefinedOptionIds) _undefinedOptions[id] = false;
        _undefinedOptionIds.Clear();
    }

    private MacroDefinition? ConfigAnswer(int id)
    {
        var option = Names.OptionIndex(id);
        if (option >= _answers.Length) Array.Resize(ref _answers, Math.Max(option + 1, Names.OptionCount + 64));
        ref var answer = ref _answers[option];
        if (!answer.Asked)
        {
            answer.Definition = ConfigSource!(id);
            answer.Asked = true;
        }
        return answer.Definition;
    }
}

/// <summary>What a recorder sees of a macro table: each name read (with what it held) and each write.</summary>
public interface IMacroTableObserver
{
    /// <summary>A lookup of name number <paramref name="id"/> (see <see cref="MacroTable.Names"/>), which held <paramref name="seen"/> (null: not defined).</summary>
    void Read(int id, MacroDefinition? seen);

    /// <summary>A #define (<paramref name="now"/>) or #undef (null) of name number <paramref name="id"/>.</summary>
    void Wrote(int id, MacroDefinition? now);
}
