using System.Collections.Immutable;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The types of a profile for one config (the <c>types</c> query, see
/// <see cref="Queries.ProfileQueries"/>): the module compiled, its types laid out, and the part reachable from the module's own
/// globals and the types gcc keeps as used (<see cref="UsedTypeRoots"/>):
/// what gcc's DWARF for the module holds; plus the types of the extra roots
/// (symbols the profile will type).
/// </summary>
public sealed record ProfileTypes(
    LayoutSet Types,
    ImmutableSortedDictionary<string, TypeRef> SymbolTypes,
    ImmutableArray<LayoutIssue> Issues,
    ImmutableArray<Diagnostic> Diagnostics,
    BoundTranslationUnit Bound)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}

public static class ProfileBuild
{
    /// <summary>The layout set of a compiled module unit, kept to what its globals and the named symbols reach.</summary>
    public static ProfileTypes TypesOf(CompiledUnit unit, ImmutableArray<Diagnostic> earlier, IReadOnlySet<string> symbolNames, StageLog log,
        ReachableMemo? reachableMemo = null)
    {
        var diagnostics = earlier.AddRange(unit.Errors);
        // Roots: what module.c itself defines, and every global a symbol of the System.map names.
        // Globals are keyed by their name: a global is one of module.c's own when it is defined there.
        var roots = unit.Bound.Globals.Where(g => g.Value.IsDefined || symbolNames.Contains(g.Key))
            .Select(g => KeyValuePair.Create(g.Key, g.Value.Type));
        var rootList = roots.ToList();
        var (all, mapped, names) = log.Run("layout", () => LayoutSetBuilder.Build(unit.Engine, unit.Bound.Types, rootList),
            r => $"{r.Result.Set.Records.Count} records, {r.Result.Set.Enums.Count} enums, {r.Result.Issues.Length} not computable"
                + (unit.Engine.Reuse is { } reuse ? $" ({reuse.LastRun})" : ""));
        var symbolTypes = ImmutableSortedDictionary.CreateBuilder<string, TypeRef>(StringComparer.Ordinal);
        foreach (var (name, result) in mapped)
        {
            if (symbolNames.Contains(name) && result.TryGet(out var typeRef)) symbolTypes[name] = typeRef;
        }
        // gcc also keeps the types the unit used where its DWARF keeps them (enums whose constants are named, cast types).
        // A set reused whole (a config flipped back) has its reachable part reused too (ReachableMemo).
        var reachableRoots = rootList.Select(r => r.Value).Concat(UsedTypeRoots.From(unit.Bound));
        var reachable = reachableMemo is null
            ? ReachableTypes.From(all.Set, unit.Bound.Types, names, reachableRoots, unit.Engine.Reuse?.Reachable)
            : reachableMemo.From(all.Set, unit.Bound.Types, names, reachableRoots, unit.Engine.Reuse?.Reachable);
        return new ProfileTypes(reachable, symbolTypes.ToImmutable(), all.Issues, diagnostics, unit.Bound);
    }
}
