using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Config;

/// <summary>Diagnostics of the kernel .config reader (LE21xx).</summary>
public static class ConfigDiagnostics
{
    public static readonly DiagnosticDescriptor UnexpectedData =
        new("LE2101", DiagnosticSeverity.Error, "unexpected data in kernel configuration: {0}");

    public static readonly DiagnosticDescriptor MissingEquals =
        new("LE2102", DiagnosticSeverity.Error, "expected '=' after the symbol name {0}");

    public static readonly DiagnosticDescriptor BadSymbolName =
        new("LE2103", DiagnosticSeverity.Error, "invalid symbol name \"{0}\"");

    public static readonly DiagnosticDescriptor BadValue =
        new("LE2104", DiagnosticSeverity.Error, "invalid value '{0}' for CONFIG_{1}");

    public static readonly DiagnosticDescriptor UnterminatedString =
        new("LE2105", DiagnosticSeverity.Error, "unterminated string value for CONFIG_{0}");

    public static readonly DiagnosticDescriptor Reassigned =
        new("LE2106", DiagnosticSeverity.Warning, "override: reassigning to symbol {0}");

    public static readonly DiagnosticDescriptor CorruptCompressedFile =
        new("LE2107", DiagnosticSeverity.Error, "corrupt gzip data: {0}");

    public static readonly DiagnosticDescriptor FileTooLarge =
        new("LE2108", DiagnosticSeverity.Error, "kernel configuration larger than {0} bytes");

    public static readonly DiagnosticDescriptor CannotRead =
        new("LE2109", DiagnosticSeverity.Error, "cannot read the kernel configuration: {0}");
}
