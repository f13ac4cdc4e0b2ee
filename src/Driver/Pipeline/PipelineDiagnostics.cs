using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>The driver's own diagnostics (LE5xxx).</summary>
public static class PipelineDiagnostics
{
    public static readonly DiagnosticDescriptor NoBoundsSource =
        new("LE5001", DiagnosticSeverity.Error, "the Pre-AST has no bounds.c: rebuild it with this version of build-pre-ast");
}
