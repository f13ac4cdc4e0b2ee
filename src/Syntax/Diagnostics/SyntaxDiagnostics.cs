namespace LayoutExpert.Syntax.Diagnostics;

/// <summary>The lexer's and parsers' diagnostics (LE1xxx).</summary>
public static class SyntaxDiagnostics
{
    public static readonly DiagnosticDescriptor UnterminatedComment =
        new("LE1001", DiagnosticSeverity.Error, "unterminated comment");

    public static readonly DiagnosticDescriptor UnterminatedCharacterLiteral =
        new("LE1002", DiagnosticSeverity.Warning, "missing terminating ' character");

    public static readonly DiagnosticDescriptor UnterminatedStringLiteral =
        new("LE1003", DiagnosticSeverity.Warning, "missing terminating \" character");

    public static readonly DiagnosticDescriptor BackslashNewlineAtEndOfFile =
        new("LE1004", DiagnosticSeverity.Warning, "backslash-newline at end of file");

    public static readonly DiagnosticDescriptor NestingTooDeep =
        new("LE1005", DiagnosticSeverity.Error, "nesting too deep (more than {0} levels)");
}
