using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>The macro expander's diagnostics (LE24xx), worded as gcc words them.</summary>
public static class ExpansionDiagnostics
{
    public static readonly DiagnosticDescriptor UnterminatedArguments =
        new("LE2401", DiagnosticSeverity.Error, "unterminated argument list invoking macro \"{0}\"");

    public static readonly DiagnosticDescriptor TooFewArguments =
        new("LE2402", DiagnosticSeverity.Error, "macro \"{0}\" requires {1} arguments, but only {2} given");

    public static readonly DiagnosticDescriptor TooManyArguments =
        new("LE2403", DiagnosticSeverity.Error, "macro \"{0}\" passed {1} arguments, but takes just {2}");

    public static readonly DiagnosticDescriptor InvalidPaste =
        new("LE2404", DiagnosticSeverity.Error, "pasting \"{0}\" and \"{1}\" does not give a valid preprocessing token");

    public static readonly DiagnosticDescriptor ExpansionTooDeep =
        new("LE2405", DiagnosticSeverity.Error, "macro expansion nested deeper than {0} levels (expanding \"{1}\")");

    public static readonly DiagnosticDescriptor DefinedWithoutName =
        new("LE2406", DiagnosticSeverity.Error, "operator \"defined\" requires an identifier");

    public static readonly DiagnosticDescriptor MissingParenAfterDefined =
        new("LE2407", DiagnosticSeverity.Error, "missing ')' after \"defined\"");

    public static readonly DiagnosticDescriptor BadFeatureTest =
        new("LE2408", DiagnosticSeverity.Error, "missing '(' or ')' in \"{0}\" expression");

    public static readonly DiagnosticDescriptor HasIncludeOutsideIf =
        new("LE2409", DiagnosticSeverity.Error, "\"{0}\" used outside of preprocessing directive");

    public static readonly DiagnosticDescriptor BadPragmaOperator =
        new("LE2410", DiagnosticSeverity.Error, "_Pragma takes a parenthesized string literal");
}
