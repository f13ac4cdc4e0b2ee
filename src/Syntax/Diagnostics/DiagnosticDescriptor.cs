namespace LayoutExpert.Syntax.Diagnostics;

/// <summary>
/// What a diagnostic is: a stable code (LE1xxx syntax, LE2xxx preprocessing,
/// LE3xxx semantics, LE4xxx layout, LE5xxx driver), its severity and a
/// composite-format message. Each stage declares its descriptors in one class.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string MessageFormat)
{
    public string Format(IReadOnlyList<object> args) =>
        args.Count == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, [.. args]);
}
