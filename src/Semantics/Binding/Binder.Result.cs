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
        if (cache is null) AllSymbols(globals, functions, constants);
        else ChangedSymbols(cache, globals, functions, constants);
        var table = new TypeTable(_store.FileScopeRecords(cache?.Types?.Records, cache?.Records), _store.FileScopeEnums(cache?.Types?.Enums, cache?.Enums), Typedefs(cache?.Types?.Typedefs));
        var unit = new BoundTranslationUnit(table, globals.Build(), functions.Build(), constants.Build(), DebugUses(), [.. _diagnostics], Locations());
        if (cache is not null)
        {
            cache.Types = table;
            cache.Last = new ResultStatistics(_file.DeclaredIds.Count, globals.Changes + functions.Changes + constants.Changes,
                (globals.Rebuilt ? 1 : 0) + (functions.Rebuilt ? 1 : 0) + (constants.Rebuilt ? 1 : 0));
        }
        return unit;
    }

    private void AllSymbols(SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants)
    {
        foreach (var id in _file.DeclaredIds) Set(_file.OrdinaryAt(id)!, globals, functions, constants);
    }

    private static void Set(OrdinarySymbol symbol, SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants)
    {
        switch (symbol)
        {
            case GlobalVariable g: globals.Set(g.Name, g); break;
            case FunctionSymbol f: functions.Set(f.Name, f); break;
            case EnumConstantSymbol c: constants.Set(c.Name, c); break;
        }
    }

    /// <summary>
    /// Each name's entry is its scope symbol; a name whose symbol is the object
    /// the previous bind's scope held keeps its entry (locations are not in the
    /// symbols, so moving leaves it alone), the others are set.
    /// </summary>
    private void ChangedSymbols(ResultCache cache, SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants)
    {
        var met = 0;
        foreach (var id in _file.DeclaredIds)
        {
            var symbol = _file.OrdinaryAt(id)!;
            ref var entry = ref cache.EntryOf(id);
            if (entry is not null)
            {
                met++;
                if (ReferenceEquals(entry, symbol))
                {
                    switch (symbol)
                    {
                        case GlobalVariable: globals.Keep(); break;
                        case FunctionSymbol: functions.Keep(); break;
                        case EnumConstantSymbol: constants.Keep(); break;
                    }
                    continue;
                }
                // A name that changed kind (a global become a function) leaves its old dictionary.
                if (entry.GetType() != symbol.GetType()) Remove(entry);
            }
            entry = symbol;
            Set(symbol, globals, functions, constants);
        }
        if (met < cache.Ids.Count)
        {
            // Some names of the previous bind are no longer declared.
            foreach (var id in cache.Ids)
            {
                ref var entry = ref cache.EntryOf(id);
                if (_file.OrdinaryAt(id) is not null) continue;
                Remove(entry!);
                entry = null;
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

    /// <summary>The first-declaration offsets of the globals and functions (two int arrays: a few microseconds per bind, however many moved).</summary>
    private SymbolLocations Locations()
    {
        var declared = _file.DeclaredIds;
        var count = 0;
        foreach (var id in declared)
        {
            if (_file.OrdinaryAt(id) is GlobalVariable or FunctionSymbol && _locations[id] is not null) count++;
        }
        var ids = new int[count];
        var offsets = new int[count];
        var at = 0;
        foreach (var id in declared)
        {
            if (_file.OrdinaryAt(id) is GlobalVariable or FunctionSymbol && _locations[id] is { } offset)
            {
                ids[at] = id;
                offsets[at++] = offset;
            }
        }
        return new SymbolLocations(_text, _names.Names, ids, offsets);
    }

    private ImmutableDictionary<string, TypedefType> Typedefs(ImmutableDictionary<string, TypedefType>? previous)
    {
        if (previous is null) return _typedefs.ToImmutableDictionary(StringComparer.Ordinal);
        var builder = previous.ToBuilder();
        foreach (var (name, typedef) in _typedefs)
        {
            if (!builder.TryGetValue(name, out var old) || !ReferenceEquals(old, typedef)) builder[name] = typedef;
        }
        if (builder.Count != _typedefs.Count)
        {
            foreach (var name in previous.Keys)
            {
                if (!_typedefs.ContainsKey(name)) builder.Remove(name);
            }
        }
        return builder.ToImmutable();
    }
}
