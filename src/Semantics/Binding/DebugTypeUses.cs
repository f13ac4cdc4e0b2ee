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
/// <param name="KeptDefinitions">
/// The object and function definitions gcc's symbol table still holds then:
/// those output on their own (cgraphunit.cc needed_p: a public definition, or
/// the <c>used</c> attribute; a static or inline function only when referred
/// to), and everything their initializers and bodies refer to outside
/// sizeof, alignof and typeof.
/// </param>
/// <param name="FunctionBodyTypes">The enum types the bodies of the kept functions name (kept with each function's DIE).</param>
public sealed record DebugTypeUses(
    ImmutableArray<TypesUsedByVariable> ByVariables,
    ImmutableSortedSet<string> KeptDefinitions,
    ImmutableArray<CType> FunctionBodyTypes);

/// <summary>The types one object definition took from the file-wide list (enum types, and the types casts and compound literals name).</summary>
public sealed record TypesUsedByVariable(string Variable, ImmutableArray<CType> Types);
