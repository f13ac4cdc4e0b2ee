using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>Diagnostics of the compiler model and its captured facts (LE23xx).</summary>
public static class CompilerDiagnostics
{
    public static readonly DiagnosticDescriptor OtherCompilerVersion =
        new("LE2301", DiagnosticSeverity.Warning,
            "the configuration was made with gcc {0}, the captured facts are {1}'s: __GNUC__ and __VERSION__ follow the configuration, everything else is {1}'s");

    public static readonly DiagnosticDescriptor NoCompilerVersion =
        new("LE2302", DiagnosticSeverity.Warning, "the configuration names no gcc version (CONFIG_GCC_VERSION); using the captured {0}'s");

    public static readonly DiagnosticDescriptor BadFactsLine =
        new("LE2303", DiagnosticSeverity.Error, "malformed line in the gcc facts: {0}");

    public static readonly DiagnosticDescriptor MissingFacts =
        new("LE2304", DiagnosticSeverity.Error, "gcc facts resource {0} is missing from the assembly");
}
