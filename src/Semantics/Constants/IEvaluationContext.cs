using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// What the constant evaluator needs from the binder: the names in scope,
/// type names bound in the current scope, the definitions bound so far and
/// the layout engine's answers about them (array bounds may depend on the
/// size of a struct defined earlier, so binding and layout interleave), and
/// where to report.
/// </summary>
internal interface IEvaluationContext
{
    IntegerModel Integers { get; }

    ITypeLayoutQueries Layout { get; }

    ITypeDefinitions Definitions { get; }

    /// <summary>The type a type name denotes (struct definitions inside it are bound on the way); null after an error.</summary>
    CType? BindTypeName(GNode typeName);

    /// <summary>The ordinary identifier visible under this name, or null.</summary>
    OrdinarySymbol? LookupOrdinary(string name);

    void Report(DiagnosticDescriptor descriptor, GNode at, params object[] args);
}
