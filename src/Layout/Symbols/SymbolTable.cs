using System.Collections.Immutable;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Symbols;

/// <summary>
/// The symbols of one System.map or /proc/kallsyms, every line kept in file
/// order, plus the views the profile writers need.
/// <para>
/// A repeated name (System.map repeats static symbols of different files,
/// e.g. two <c>t</c> functions both called <c>cleanup</c>) resolves to its
/// <b>last</b> line. Rekall's converter and Volatility's dwarf2json both fill
/// a name-keyed map line by line, so the last line wins there too, and
/// profiles made from the same map agree with theirs. All lines stay in
/// <see cref="Entries"/>; <see cref="RepeatedNames"/> lists the names concerned.
/// </para>
/// <para>
/// Symbols of loaded modules (kallsyms's <c>[module]</c> column) are not kernel
/// symbols: their addresses are where the module happened to load, and many
/// names repeat in every module (<c>__this_module</c>, <c>init_module</c>).
/// They are kept in <see cref="Entries"/> but left out of <see cref="ByName"/>.
/// </para>
/// </summary>
public sealed class SymbolTable
{
    public SymbolTable(string path, ImmutableArray<KernelSymbol> entries, ImmutableArray<Diagnostic> diagnostics)
    {
        Path = path;
        Entries = entries;
        Diagnostics = diagnostics;

        var byName = ImmutableSortedDictionary.CreateBuilder<string, KernelSymbol>(StringComparer.Ordinal);
        var repeated = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var symbol in entries)
        {
            if (symbol.Module is not null) continue;
            if (byName.ContainsKey(symbol.Name)) repeated.Add(symbol.Name);
            byName[symbol.Name] = symbol;
        }
        ByName = byName.ToImmutable();
        RepeatedNames = [.. repeated];
        Addresses = ByName.ToImmutableSortedDictionary(p => p.Key, p => p.Value.Address, StringComparer.Ordinal);
    }

    /// <summary>The file the symbols came from, as given to the reader.</summary>
    public string Path { get; }

    /// <summary>Every well-formed line, in file order, module symbols included.</summary>
    public ImmutableArray<KernelSymbol> Entries { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>Kernel (non-module) symbols by name; a repeated name maps to its last line.</summary>
    public ImmutableSortedDictionary<string, KernelSymbol> ByName { get; }

    /// <summary><see cref="ByName"/> reduced to addresses: the shape the profile writers take.</summary>
    public ImmutableSortedDictionary<string, ulong> Addresses { get; }

    /// <summary>Kernel symbol names that appear on more than one line, sorted.</summary>
    public ImmutableArray<string> RepeatedNames { get; }

    public IEnumerable<KernelSymbol> ModuleSymbols => Entries.Where(s => s.Module is not null);
}
