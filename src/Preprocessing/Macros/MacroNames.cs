using System.Runtime.CompilerServices;

namespace LayoutExpert.Preprocessing.Macros;

/// <summary>
/// Numbers macro names: 0, 1, 2, ... in the order first met, never
/// renumbered. A macro table stores definitions by number, and a session's
/// recorded runs keep the numbers of what they read and wrote, so checking a
/// recorded read or merging a child's reads into its includer is an array
/// index or an integer probe, not a string hash. One instance serves every
/// table of a session (a recorded run's numbers must mean the same names in
/// the next run); a table without a session has its own.
/// </summary>
public sealed class MacroNames
{
    private const string ConfigPrefix = "CONFIG_";

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    /// <summary>Each name's kind, by number (longer than <see cref="Count"/>; read on every check of a recorded read).</summary>
    private NameKind[] _kinds = new NameKind[1024];

    /// <summary>For each name, its place among the CONFIG_ names (-1 for the others): what is kept per option stays small.</summary>
    private readonly List<int> _optionIndex = [];

    /// <summary>What sets a name apart: an option (answered by the config) or run state; everything else is plain.</summary>
    private enum NameKind : byte
    {
        Plain,
        Config,
        Synthetic,
    }

    /// <summary>Told of each new plain name (not CONFIG_, not synthetic) as it is numbered.</summary>
    public Action<string>? PlainNameAdded { get; set; }

    public int Count => _names.Count;

    /// <summary>How many CONFIG_ names are numbered.</summary>
    public int OptionCount { get; private set; }

    /// <summary>The place of a CONFIG_ name among them (0, 1, ...), or -1 for any other name.</summary>
    public int OptionIndex(int id) => _optionIndex[id];

    /// <summary>The number of <paramref name="name"/>, numbering it if it is new.</summary>
    public int IdOf(string name)
    {
        if (_ids.TryGetValue(name, out var id)) return id;
        id = _names.Count;
        _ids.Add(name, id);
        _names.Add(name);
        var kind = name.StartsWith(ConfigPrefix, StringComparison.Ordinal) ? NameKind.Config
            : name.Length > 0 && name[0] == MacroTable.SyntheticPrefix ? NameKind.Synthetic
            : NameKind.Plain;
        if (id == _kinds.Length) Array.Resize(ref _kinds, _kinds.Length * 2);
        _kinds[id] = kind;
        _optionIndex.Add(kind == NameKind.Config ? OptionCount++ : -1);
        if (kind == NameKind.Plain)
        {
            _plainNames++;
            PlainNameAdded?.Invoke(name);
        }
        return id;
    }

    /// <summary>The number of a name already numbered.</summary>
    public bool TryGetId(string name, out int id) => _ids.TryGetValue(name, out id);

    /// <summary>
    /// The number of <paramref name="name"/>, numbering it when it is a new
    /// CONFIG_ or synthetic name; -1 for a plain name not numbered (no run can
    /// find it defined). A text's identifiers recur as the very same string
    /// objects (the Pre-AST's and the definitions' tokens share their texts),
    /// so recent answers are kept by string object: most identifiers of C code
    /// name no macro, and this spares them the string hash. A kept "-1" holds
    /// only while no plain name has been numbered since.
    /// </summary>
    public int Lookup(string name)
    {
        ref var slot = ref _recent[RuntimeHelpers.GetHashCode(name) & (_recent.Length - 1)];
        if (ReferenceEquals(slot.Name, name) && (slot.Id >= 0 || slot.PlainNames == _plainNames)) return slot.Id;
        var id = _ids.TryGetValue(name, out var known) ? known : IsVolatile(name) ? IdOf(name) : -1;
        slot = new RecentLookup { Name = name, Id = id, PlainNames = _plainNames };
        return id;
    }

    private struct RecentLookup
    {
        public string? Name;
        public int Id;

        /// <summary>How many plain names were numbered when the answer was made.</summary>
        public int PlainNames;
    }

    private readonly RecentLookup[] _recent = new RecentLookup[4096];
    private int _plainNames;

    public string NameOf(int id) => _names[id];

    /// <summary>A CONFIG_ name: once autoconf.h is included, the config answers it unless the run defined or undefined it.</summary>
    public bool IsConfig(int id) => _kinds[id] == NameKind.Config;

    /// <summary>What differs between configs: the CONFIG_ names and the synthetic ones (generated headers' texts, #pragma once marks).</summary>
    public bool IsVolatile(int id) => _kinds[id] != NameKind.Plain;

    /// <summary>The same as <see cref="IsVolatile(int)"/>, for a name not numbered yet.</summary>
    public static bool IsVolatile(string name) =>
        name.StartsWith(ConfigPrefix, StringComparison.Ordinal) || (name.Length > 0 && name[0] == MacroTable.SyntheticPrefix);
}
