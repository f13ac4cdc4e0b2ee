using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The previous bind's result pieces, kept by <see cref="BindingReuse"/> so
/// the next result is patched, not rebuilt: for each file-scope ordinary name,
/// the symbol the scope held, its location and the entry it gave the result.
/// A replayed item declares the very symbol object it recorded, so a name
/// whose scope symbol is the same object at the same location gives the same
/// entry; only the others are set (the sorted dictionaries are rebuilt whole
/// when many changed: a flip that moves most locations).
/// </summary>
internal sealed class ResultCache
{
    private Entry[] _entries = [];

    /// <summary>The name numbers (<see cref="NameTable"/>) that have an entry.</summary>
    public List<int> Ids { get; } = [];

    /// <summary>The entry of a name number (Scope null: none), made room for.</summary>
    public ref Entry EntryOf(int id)
    {
        if (id >= _entries.Length) Array.Resize(ref _entries, Math.Max(id + 1, _entries.Length * 2));
        return ref _entries[id];
    }

    public void Clear()
    {
        Array.Clear(_entries);
        Ids.Clear();
    }

    public ImmutableSortedDictionary<string, GlobalVariable>? Globals { get; set; }

    public ImmutableSortedDictionary<string, FunctionSymbol>? Functions { get; set; }

    public ImmutableSortedDictionary<string, EnumConstantSymbol>? Constants { get; set; }

    public TypeTable? Types { get; set; }

    public ResultStatistics Last { get; set; }

    /// <summary>One name: the symbol in scope (no location), where it was declared, and the symbol the result holds.</summary>
    public readonly record struct Entry(OrdinarySymbol? Scope, SourceLocation? Location, OrdinarySymbol? Result);
}

/// <summary>How the last result was made from the one before: names declared, names whose entry changed, sorted dictionaries built whole (of three).</summary>
public readonly record struct ResultStatistics(int Names, int Changed, int Rebuilt)
{
    public override string ToString() => $"{Changed} of {Names} names changed, {Rebuilt} of 3 symbol tables rebuilt";
}

/// <summary>One sorted dictionary of a result being made from the previous one: every entry, and the changes.</summary>
internal sealed class SortedPart<T>(ImmutableSortedDictionary<string, T>? previous)
    where T : OrdinarySymbol
{
    /// <summary>More changes than one in this many entries: build whole (patching costs a search per change).</summary>
    private const int PatchRatio = 8;

    private readonly List<KeyValuePair<string, T>> _all = [];
    private readonly List<(string Name, T? Value)> _changes = [];

    public void Keep(string name, T value) => _all.Add(new(name, value));

    public void Set(string name, T value)
    {
        _all.Add(new(name, value));
        _changes.Add((name, value));
    }

    public void Remove(string name) => _changes.Add((name, null));

    public int Changes => _changes.Count;

    /// <summary>Whether <see cref="Build"/> builds whole rather than patching the previous dictionary.</summary>
    public bool Rebuilds => previous is null || _changes.Count * PatchRatio > _all.Count;

    public ImmutableSortedDictionary<string, T> Build()
    {
        if (previous is null || Rebuilds) return ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, _all);
        if (_changes.Count == 0) return previous;
        var builder = previous.ToBuilder();
        foreach (var (name, value) in _changes)
        {
            if (value is null) builder.Remove(name);
            else builder[name] = value;
        }
        return builder.ToImmutable();
    }
}
