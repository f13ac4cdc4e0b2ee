using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// What binding a translation unit gives: every file-scope struct, union, enum
/// and typedef (<see cref="Types"/>; records and enums declared in a parameter
/// list are not there), the global variables and functions with their types,
/// the enumeration constants, what gcc records as used for debug information
/// (<see cref="DebugTypeUses"/>), the diagnostics (errors mean some
/// declarations were dropped or typed as far as possible), and where each
/// global and function was first declared (<see cref="Locations"/>, apart from
/// the symbols so that they stay the same objects when only their place moves).
/// </summary>
public sealed record BoundTranslationUnit(
    TypeTable Types,
    ImmutableSortedDictionary<string, GlobalVariable> Globals,
    ImmutableSortedDictionary<string, FunctionSymbol> Functions,
    ImmutableSortedDictionary<string, EnumConstantSymbol> EnumConstants,
    DebugTypeUses DebugUses,
    ImmutableArray<Diagnostic> Diagnostics,
    SymbolLocations Locations)
{
    /// <summary>Where the global or function <paramref name="name"/> was first declared (null: none such, or bound without text).</summary>
    public SourceLocation? LocationOf(string name) => Locations.Of(name);

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
