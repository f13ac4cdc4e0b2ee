using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The result of a bind: the file scope's symbols with their locations, the
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
        var unit = new BoundTranslationUnit(table, globals.Build(), functions.Build(), constants.Build(), DebugUses(), [.. _diagnostics]);
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
        foreach (var id in _file.DeclaredIds)
        {
            switch (_file.OrdinaryAt(id))
            {
                case GlobalVariable g: globals.Set(g.Name, g with { Location = SymbolLocation(id) }); break;
                case FunctionSymbol f: functions.Set(f.Name, f with { Location = SymbolLocation(id) }); break;
                case EnumConstantSymbol c: constants.Set(c.Name, c); break;
            }
        }
    }

    /// <summary>Each name's entry: the previous one when its scope symbol is the same object at the same location, else a new one.</summary>
    private void ChangedSymbols(ResultCache cache, SortedPart<GlobalVariable> globals, SortedPart<FunctionSymbol> functions, SortedPart<EnumConstantSymbol> constants)
    {
        var met = 0;
        foreach (var id in _file.DeclaredIds)
        {
            var symbol = _file.OrdinaryAt(id)!;
            var location = symbol is GlobalVariable or FunctionSymbol ? SymbolLocation(id) : null;
            ref var entry = ref cache.EntryOf(id);
            if (entry.Scope is not null)
            {
                met++;
                if (ReferenceEquals(entry.Scope, symbol) && entry.Location == location)
                {
                    switch (entry.Result)
                    {
                        case GlobalVariable g: globals.Keep(g.Name, g); break;
                        case FunctionSymbol f: functions.Keep(f.Name, f); break;
                        case EnumConstantSymbol c: constants.Keep(c.Name, c); break;
                    }
                    continue;
                }
                // A name that changed kind (a global become a function) leaves its old dictionary.
                if (entry.Result!.GetType() != symbol.GetType()) Remove(entry.Result);
            }
            OrdinarySymbol result = symbol switch
            {
                GlobalVariable g => g with { Location = location },
                FunctionSymbol f => f with { Location = location },
                _ => symbol,
            };
            entry = new ResultCache.Entry(symbol, location, result);
            switch (result)
            {
                case GlobalVariable g: globals.Set(g.Name, g); break;
                case FunctionSymbol f: functions.Set(f.Name, f); break;
                case EnumConstantSymbol c: constants.Set(c.Name, c); break;
            }
        }
        if (met < cache.Ids.Count)
        {
            // Some names of the previous bind are no longer declared.
            foreach (var id in cache.Ids)
            {
                ref var entry = ref cache.EntryOf(id);
                if (_file.OrdinaryAt(id) is not null) continue;
                Remove(entry.Result!);
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
