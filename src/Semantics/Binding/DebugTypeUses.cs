using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The types gcc's C front end records as "used" for debug information, with
/// where they went. gcc (function.cc used_types_insert) records the type of
/// every enumeration constant an expression names (c-typeck.cc
/// build_external_ref) and the specifier type of every cast and compound
/// literal (c-parser.cc c_parser_cast_expression). Inside a function body the
/// type goes to that function (emitted only with the function's DIE,
/// dwarf2out.cc premark_used_types); anywhere else it is pushed on one
/// file-wide list, which the next file-scope object definition takes whole
/// (c-decl.cc finish_decl: VAR_P &amp;&amp; TREE_STATIC &amp;&amp; global_bindings_p →
/// c-common.cc record_types_used_by_current_var_decl). dwarf2out.cc
/// premark_types_used_by_global_vars keeps a type only when that object is
/// still in the symbol table with a definition after cgraphunit.cc
/// analyze_functions dropped the unreachable ones.
/// </summary>
/// <param name="ByVariables">Each definition that took the list, in source order, with the types it took (uses after the last definition go nowhere).</param>
/// <param name="Symbols">Every file-scope object and function definition: what decides whether gcc keeps it, and what it refers to.</param>
public sealed record DebugTypeUses(
    ImmutableArray<TypesUsedByVariable> ByVariables,
    ImmutableSortedDictionary<string, SymbolUses> Symbols);

/// <summary>The types one object definition took from the file-wide list (enum types, and the types casts and compound literals name).</summary>
public sealed record TypesUsedByVariable(string Variable, ImmutableArray<CType> Types);

/// <summary>
/// A defined file-scope object or function as gcc's symbol table sees it.
/// <paramref name="NeededAlone"/>: gcc outputs it even if nothing refers to it
/// (cgraphunit.cc symtab_node::needed_p: a public definition, or the
/// <c>used</c> attribute). <paramref name="References"/>: the objects and
/// functions its initializer or body names outside sizeof, alignof and typeof
/// (what makes a static one reachable). <paramref name="BodyTypes"/>: for a
/// function, the enum types its body names.
/// </summary>
public sealed record SymbolUses(
    string Name,
    bool IsFunction,
    bool NeededAlone,
    ImmutableArray<string> References,
    ImmutableArray<CType> BodyTypes);
