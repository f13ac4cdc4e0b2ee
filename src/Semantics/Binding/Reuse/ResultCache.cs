using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The previous bind's result pieces, kept by <see cref="BindingReuse"/> so
/// the next result is patched, not rebuilt: for each file-scope ordinary name,
/// the symbol the scope held, which is its entry in the result (symbols carry
/// no location: <see cref="SymbolLocations"/>). A replayed item declares the
/// very symbol object it recorded, so a name whose scope symbol is the same
/// object keeps its entry, wherever its declaration moved; only the others are
/// set (see <see cref="SortedTable{T}"/>).
/// </summary>
internal sealed class ResultCache
{
    private Entry[] _entries = [];

    /// <summary>The name numbers (<see cref="NameTable"/>) that have an entry.</summary>
    public List<int> Ids { get; } = [];

    /// <summary>The entry of a name number (Symbol null: none), made room for.</summary>
    public ref Entry EntryOf(int id)
    {
        if (id >= _entries.Length) Array.Resize(ref _entries, Math.Max(id + 1, _entries.Length * 2));
        return ref _entries[id];
    }

    /// <summary>The located names of the result being made (kept: grown once, filled per bind).</summary>
    public LocatedNames Located { get; } = new();

    public SortedTable<GlobalVariable> Globals { get; } = new();

    public SortedTable<FunctionSymbol> Functions { get; } = new();

    public SortedTable<EnumConstantSymbol> Constants { get; } = new();

    public TypeTable? Types { get; set; }

    /// <summary>The typedefs of <see cref="Types"/> by name number, and the numbers that have one.</summary>
    public NameSlots<TypedefType> Typedefs { get; } = new(1024);

    public List<int> TypedefIds { get; } = [];

    /// <summary>The file-scope record and enum definitions of the last bind, in the order added (see <see cref="DefinitionStore"/>).</summary>
    public List<RecordDefinition> Records { get; } = [];

    public List<EnumDefinition> Enums { get; } = [];

    public ResultStatistics Last { get; set; }

    /// <summary>The kept definitions' names of the last result (see Binder.DebugUses.cs), and their numbers.</summary>
    public ImmutableSortedSet<string>? Kept { get; private set; }

    public HashSet<int> KeptIds { get; private set; } = [];

    public void KeepKept(ImmutableSortedSet<string> names, HashSet<int> ids)
    {
        Kept = names;
        KeptIds = ids;
    }

    /// <summary>One name's entry: the symbol (the scope's and the result's) and its kind, kept beside it so an unchanged name is handled without reading the symbol object.</summary>
    public readonly record struct Entry(OrdinarySymbol? Symbol, SymbolKind Kind);
}

/// <summary>How the last result was made from the one before: names declared, names whose entry changed, sorted dictionaries built whole (of three).</summary>
public readonly record struct ResultStatistics(int Names, int Changed, int Rebuilt)
{
    public override string ToString() => $"{Changed} of {Names} names changed, {Rebuilt} of 3 symbol tables rebuilt";
}

/// <summary>
/// One sorted dictionary of the results, kept across binds: the last one made,
/// and a mutable copy of its contents in a <see cref="SortedDictionary{TKey, TValue}"/>
/// with the same comparer. Putting the entries in order is what costs (a
/// search of string compares per entry); an immutable sorted dictionary made
/// from a sorted dictionary with its own comparer copies the order without
/// comparing. So the result is either the last one patched (few changes) or
/// copied whole from the copy (many: a bind of a changed unit). The copy is
/// brought up to date only when copied: the changes since are kept by name,
/// last value winning (a hash each, not a search), and flipping a config back
/// and forth changes the same few hundred names again and again.
/// </summary>
internal sealed class SortedTable<T>
    where T : OrdinarySymbol
{
    public ImmutableSortedDictionary<string, T>? Last { get; set; }

    private readonly SortedDictionary<string, T> _contents = new(StringComparer.Ordinal);

    // Changes not yet made to the copy, by name (null: removed).
    private readonly Dictionary<string, T?> _pending = new(StringComparer.Ordinal);

    /// <summary>Sets (or, null, removes) a name's entry in the copy, when it is next read.</summary>
    public void Change(string name, T? value) => _pending[name] = value;

    /// <summary>Empties the copy.</summary>
    public void Clear()
    {
        _pending.Clear();
        _contents.Clear();
    }

    /// <summary>The copy, with every change made.</summary>
    public SortedDictionary<string, T> Contents()
    {
        foreach (var (name, value) in _pending)
        {
            if (value is null) _contents.Remove(name);
            else _contents[name] = value;
        }
        _pending.Clear();
        return _contents;
    }
}

/// <summary>One sorted dictionary of a result being made: every entry, and the changes from the previous one (<paramref name="table"/>; null for a fresh bind).</summary>
internal sealed class SortedPart<T>(SortedTable<T>? table)
    where T : OrdinarySymbol
{
    /// <summary>More changes than one in this many entries: copy whole (patching costs searches and node copies per change).</summary>
    private const int PatchRatio = 8;

    // Every entry, for a fresh bind (patching needs only how many).
    private readonly List<KeyValuePair<string, T>> _all = [];
    private readonly List<(string Name, T? Value)> _changes = [];
    private int _count;

    public void Keep() => _count++;

    public void Set(string name, T value)
    {
        _count++;
        if (table is null) _all.Add(new(name, value));
        else _changes.Add((name, value));
    }

    public void Remove(string name) => _changes.Add((name, null));

    public int Changes => _changes.Count;

    /// <summary>Whether <see cref="Build"/> made the dictionary whole rather than patching the previous one.</summary>
    public bool Rebuilt { get; private set; }

    public ImmutableSortedDictionary<string, T> Build()
    {
        if (table is null)
        {
            Rebuilt = true;
            var sorted = new SortedDictionary<string, T>(StringComparer.Ordinal);
            foreach (var (name, value) in _all) sorted.Add(name, value);
            return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, sorted);
        }
        var previous = table.Last;
        if (previous is null) table.Clear();
        foreach (var (name, value) in _changes) table.Change(name, value);
        ImmutableSortedDictionary<string, T> result;
        Rebuilt = previous is null || _changes.Count * PatchRatio > _count;
        if (previous is null || Rebuilt) result = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, table.Contents());
        else if (_changes.Count == 0) result = previous;
        else
        {
            var builder = previous.ToBuilder();
            foreach (var (name, value) in _changes)
            {
                if (value is null) builder.Remove(name);
                else builder[name] = value;
            }
            result = builder.ToImmutable();
        }
        table.Last = result;
        return result;
    }
}

/// <summary>Which result table a file-scope symbol goes to.</summary>
internal enum SymbolKind : byte { Other, Global, Function, Constant }

/// <summary>
/// The globals and functions of a result being made that have a location:
/// name numbers and offsets, grown once and refilled per bind, then copied
/// into the result's <see cref="SymbolLocations"/> at their exact size.
/// </summary>
internal sealed class LocatedNames
{
    private int[] _ids = new int[256];
    private int[] _offsets = new int[256];
    private int _count;

    public void Clear() => _count = 0;

    public void Add(int id, int offset)
    {
        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, _count * 2);
            Array.Resize(ref _offsets, _count * 2);
        }
        _ids[_count] = id;
        _offsets[_count++] = offset;
    }

    public SymbolLocations ToLocations(Syntax.Text.SourceText? text, string[] names) =>
        new(text, names, _ids.AsSpan(0, _count).ToArray(), _offsets.AsSpan(0, _count).ToArray());
}
