using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// A diagnostic about an #if expression, placed at the origin of the token it is
/// about (<see cref="Tokens.PPToken.Origin"/>; the caller's end-of-directive origin
/// for problems found at the end). The caller turns origins into file positions.
/// </summary>
public sealed record ConditionDiagnostic(DiagnosticDescriptor Descriptor, string Message, int Origin)
{
    public bool IsError => Descriptor.Severity == DiagnosticSeverity.Error;

    public Diagnostic ToDiagnostic(Func<int, SourceLocation?> locate) => new(Descriptor, Message, locate(Origin));

    public override string ToString() => $"{(IsError ? "error" : "warning")}: {Message} [{Descriptor.Code}]";
}
