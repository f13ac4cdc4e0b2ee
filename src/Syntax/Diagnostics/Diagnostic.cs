using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Diagnostics;

/// <summary>A diagnostic with its absolute location, printed as gcc prints one: "file:line:col: error: message [LE1001]".</summary>
public sealed record Diagnostic(DiagnosticDescriptor Descriptor, string Message, SourceLocation? Location)
{
    public DiagnosticSeverity Severity => Descriptor.Severity;

    public string Code => Descriptor.Code;

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation? location, params object[] args) =>
        new(descriptor, descriptor.Format(args), location);

    public override string ToString()
    {
        var severity = Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "note",
        };
        return Location is { } at ? $"{at}: {severity}: {Message} [{Code}]" : $"{severity}: {Message} [{Code}]";
    }
}
