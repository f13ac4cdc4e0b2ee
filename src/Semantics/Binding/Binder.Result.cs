using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The result of a bind: the file scope's symbols, their locations, the
/// type table, the debug uses and the diagnostics. With binding reuse the
/// previous result's dictionaries are patched with what changed
/// (<see cref="ResultCache"/>): the same contents, without rebuilding 23,000
/// entries of sorted dictionaries per config flip.
/// </summary>
public sealed partial class Binder
{
    private BoundTranslationUnit Result(ResultCache? cache)
    {
        var globals = new SortedPart<GlobalVariable>(cache?.Globals);
        var functions = new SortedPart<FunctionSymbol>(cache?.Functions);
        var constants = new SortedPart<EnumConstantSymbol>(cache?.Constants);
        var located = cache?.Located ?? new LocatedNames();
        located.Clear();
        if (cache is null) AllSymbols(globals, functions, constants, located);
        else ChangedSymbols(cache, globals, functions, constants, located);
        var table = new TypeTable(_store.FileScopeRecords(cache?.Types?.Records, cache?.Records), _store.FileScopeEnums(cache?.Types?.Enums, cache?.Enums), Typedefs(cache));
        var unit = new BoundTranslationUnit(table, globals.Build(), functions.Build(), constants.Build(), DebugUses(cache), [.. _diagnostics], located.ToLocations(_text, _names.Names));
        if (cache is not null)
        {
            cache.Types = table;
            cache.Last = new ResultStatistics(_file.DeclaredIds.Count, globals.Changes + functions.Changes + constants.Changes,
                (globals.Rebuilt ? 1 : 0) + (functions.Rebuilt ? 1 : 0) + (constants.Rebuilt ? 1 : 0));
        }
        return unit;
    }

    private void AllSymbols(SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants, LocatedNames located)
    {
        foreach (var id in _file.DeclaredIds)
        {
            if (Set(_file.OrdinaryAt(id)!, globals, functions, constants) != SymbolKind.Other) Locate(id, located);
        }
    }

    /// <summary>Where the global or function <paramref name="id"/> was first declared, if anywhere, into the result's locations.</summary>
    private void Locate(int id, LocatedNames located)
    {
        if (_locations[id] is { } offset) located.Add(id, offset);
    }

    private static SymbolKind Set(OrdinarySymbol symbol, SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants)
    {
        switch (symbol)
        {
            case GlobalVariable g: globals.Set(g.Name, g); return SymbolKind.Global;
            case FunctionSymbol f: functions.Set(f.Name, f); return SymbolKind.Function;
            case EnumConstantSymbol c: constants.Set(c.Name, c); return SymbolKind.Constant;
            default: return SymbolKind.Other;
        }
    }

    /// <summary>
    /// Each name's entry is its scope symbol; a name whose symbol is the object
    /// the previous bind's scope held keeps its entry (locations are not in the
    /// symbols, so moving leaves it alone), as does one whose symbol equals it
    /// (symbols are records: an equal symbol is the same entry), the others are set.
    /// </summary>
    private void ChangedSymbols(ResultCache cache, SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants, LocatedNames located)
    {
        var met = 0;
        foreach (var id in _file.DeclaredIds)
        {
            var symbol = _file.OrdinaryAt(id)!;
            ref var entry = ref cache.EntryOf(id);
            if (entry.Symbol is { } previous)
            {
                met++;
                if (ReferenceEquals(previous, symbol))
                {
                    // The kind kept beside the entry: no reading of the symbol (23,000 objects spread over the heap).
                    switch (entry.Kind)
                    {
                        case SymbolKind.Global: globals.Keep(); Locate(id, located); break;
                        case SymbolKind.Function: functions.Keep(); Locate(id, located); break;
                        case SymbolKind.Constant: constants.Keep(); break;
                    }
                    continue;
                }
                if (previous.GetType() == symbol.GetType() && previous.Equals(symbol))
                {
                    // An equal symbol made anew (its item bound again, not replayed): the result keeps its entry,
                    // and the cache the scope's object, so the next bind meeting that object compares by reference.
                    entry = new ResultCache.Entry(symbol, entry.Kind);
                    switch (entry.Kind)
                    {
                        case SymbolKind.Global: globals.Keep(); Locate(id, located); break;
                        case SymbolKind.Function: functions.Keep(); Locate(id, located); break;
                        case SymbolKind.Constant: constants.Keep(); break;
                    }
                    continue;
                }
                // A name that changed kind (a global become a function) leaves its old dictionary.
                if (previous.GetType() != symbol.GetType()) Remove(previous);
            }
            var kind = Set(symbol, globals, functions, constants);
            entry = new ResultCache.Entry(symbol, kind);
            if (kind is SymbolKind.Global or SymbolKind.Function) Locate(id, located);
        }
        if (met < cache.Ids.Count)
        {
            // Some names of the previous bind are no longer declared.
            foreach (var id in cache.Ids)
            {
                ref var entry = ref cache.EntryOf(id);
                if (_file.OrdinaryAt(id) is not null) continue;
                Remove(entry.Symbol!);
                entry = default;
            }
        }
        cache.Ids.Clear();
        cache.Ids.AddRange(_file.DeclaredIds);

        void Remove(OrdinarySymbol previous)
        {
            switch (previous)
            {
                case GlobalVariable: globals.Remove(previous.Name); break;
                case FunctionSymbol: functions.Remove(previous.Name); break;
                case EnumConstantSymbol: constants.Remove(previous.Name); break;
            }
        }
    }

    /// <summary>
    /// The typedef table: with a result cache, the last result's patched by
    /// the numbers whose typedef is another object (the cache keeps that
    /// table by number: comparing ~3,000 entries is array reads, not a hash of
    /// each name and a search of the immutable table).
    /// </summary>
    private ImmutableDictionary<string, TypedefType> Typedefs(ResultCache? cache)
    {
        var names = _names.Names;
        if (cache?.Types?.Typedefs is not { } previous)
        {
            var table = ImmutableDictionary.CreateRange(StringComparer.Ordinal, _typedefIds.Select(id => new KeyValuePair<string, TypedefType>(names[id], _typedefs[id]!)));
            if (cache is not null) Remember(cache);
            return table;
        }
        var last = cache.Typedefs;
        ImmutableDictionary<string, TypedefType>.Builder? builder = null;
        var met = 0;
        foreach (var id in _typedefIds)
        {
            var typedef = _typedefs[id]!;
            var old = last[id];
            if (old is not null) met++;
            if (ReferenceEquals(old, typedef)) continue;
            (builder ??= previous.ToBuilder())[names[id]] = typedef;
            last.Set(id, typedef);
        }
        if (met < cache.TypedefIds.Count)
        {
            // Some typedefs of the last result are gone.
            foreach (var id in cache.TypedefIds)
            {
                if (_typedefs[id] is not null) continue;
                (builder ??= previous.ToBuilder()).Remove(names[id]);
                last.Set(id, null);
            }
        }
        cache.TypedefIds.Clear();
        cache.TypedefIds.AddRange(_typedefIds);
        return builder is null ? previous : builder.ToImmutable();
    }

    /// <summary>The cache's typedefs by number made this bind's (the first result the cache holds).</summary>
    private void Remember(ResultCache cache)
    {
        cache.Typedefs.Clear();
        foreach (var id in _typedefIds) cache.Typedefs.Set(id, _typedefs[id]);
        cache.TypedefIds.Clear();
        cache.TypedefIds.AddRange(_typedefIds);
    }
}
