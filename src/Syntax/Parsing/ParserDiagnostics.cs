using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// The C parser's diagnostics (LE11xx). Messages follow gcc's wording
/// ("expected ';' before 'int'"), but a missing token is reported at the
/// token found in its place, where gcc points just after the previous token.
/// </summary>
public static class ParserDiagnostics
{
    /// <summary>{0}: what was expected ("';'", "identifier or '('"); {1}: "before 'x'", "before ')' token", "at end of input".</summary>
    public static readonly DiagnosticDescriptor Expected =
        new("LE1101", DiagnosticSeverity.Error, "expected {0} {1}");

    public static readonly DiagnosticDescriptor UnknownTypeName =
        new("LE1102", DiagnosticSeverity.Error, "unknown type name '{0}'");

    /// <summary>gcc -std=gnu11 accepts a file-scope declaration without specifiers as implicit int, with this warning.</summary>
    public static readonly DiagnosticDescriptor NoTypeOrStorageClass =
        new("LE1103", DiagnosticSeverity.Warning, "data definition has no type or storage class");

    /// <summary>gcc accepts a missing ';' after the last member (a pedantic warning).</summary>
    public static readonly DiagnosticDescriptor NoSemicolonAtEndOfStruct =
        new("LE1104", DiagnosticSeverity.Warning, "no semicolon at end of struct or union");

    public static readonly DiagnosticDescriptor AttributesAfterDeclaratorInDefinition =
        new("LE1105", DiagnosticSeverity.Error, "attributes should be specified before the declarator in a function definition");
}
