using LayoutExpert.Layout.Engine;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>One translation unit taken through the front end: preprocessed, parsed, bound, with an engine to lay its types out.</summary>
public sealed record CompiledUnit(PreprocessResult Preprocessed, SyntaxTree Tree, IReadOnlyList<Diagnostic> ParseDiagnostics, BoundTranslationUnit Bound, LayoutEngine Engine)
{
    public IEnumerable<Diagnostic> Errors =>
        Preprocessed.Diagnostics.Concat(ParseDiagnostics).Concat(Bound.Diagnostics).Where(d => d.IsError);
}
