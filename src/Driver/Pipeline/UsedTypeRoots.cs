using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The types gcc 12 keeps in a unit's DWARF although no kept DIE refers to
/// them: the types the C front end recorded as used (<see cref="DebugTypeUses"/>)
/// where dwarf2out.cc keeps them. premark_types_used_by_global_vars keeps the
/// types an object definition took from the file-wide list when
/// varpool_node::get (var)->definition still holds at dwarf2out_early_finish,
/// that is, when cgraphunit.cc analyze_functions did not remove the object as
/// unreachable (<see cref="DebugTypeUses.KeptDefinitions"/>).
/// premark_used_types keeps a function's body types with the function's DIE,
/// made for every function that is output; that DIE also describes the
/// function's type, when the binder bound it (its locals are not modelled:
/// bodies are token runs).
/// </summary>
public static class UsedTypeRoots
{
    public static IReadOnlyList<CType> From(BoundTranslationUnit unit)
    {
        var uses = unit.DebugUses;
        var roots = new List<CType>();
        foreach (var group in uses.ByVariables)
        {
            if (uses.KeptDefinitions.Contains(group.Variable)) roots.AddRange(group.Types);
        }
        roots.AddRange(uses.FunctionBodyTypes);
        foreach (var name in uses.KeptDefinitions)
        {
            if (unit.Functions.TryGetValue(name, out var function) && function.Type is { } type) roots.Add(type);
        }
        return roots;
    }
}
