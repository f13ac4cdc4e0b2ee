using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>The run's diagnostics (LE25xx), worded as gcc words them.</summary>
public static class RunDiagnostics
{
    public static readonly DiagnosticDescriptor ErrorDirective = new("LE2501", DiagnosticSeverity.Error, "#error {0}");

    public static readonly DiagnosticDescriptor WarningDirective = new("LE2502", DiagnosticSeverity.Warning, "#warning {0}");

    public static readonly DiagnosticDescriptor IncludeNotFound =
        new("LE2503", DiagnosticSeverity.Error, "{0}: No such file or directory (not found when the Pre-AST was built)");

    public static readonly DiagnosticDescriptor ComputedInclude =
        new("LE2504", DiagnosticSeverity.Error, "#include {0}: a computed include cannot be followed from a Pre-AST");

    public static readonly DiagnosticDescriptor IncludeTooDeep =
        new("LE2505", DiagnosticSeverity.Error, "#include nested depth {0} exceeds maximum of {0}");

    public static readonly DiagnosticDescriptor InvalidDirective =
        new("LE2506", DiagnosticSeverity.Error, "invalid preprocessing directive #{0}");

    public static readonly DiagnosticDescriptor MacroRedefined =
        new("LE2507", DiagnosticSeverity.Warning, "\"{0}\" redefined");

    public static readonly DiagnosticDescriptor GeneratedHeaderMissing =
        new("LE2508", DiagnosticSeverity.Error, "{0}: no text for this config-dependent generated header");

    public static readonly DiagnosticDescriptor StoppedAfterFatal =
        new("LE2509", DiagnosticSeverity.Note, "compilation terminated (a missing include is fatal to gcc; --keep-going goes on)");

    public static readonly DiagnosticDescriptor DirectiveError =
        new("LE2510", DiagnosticSeverity.Error, "{0}");
}
