using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing;

/// <summary>The directive parser's, include linker's and Pre-AST file's diagnostics (LE2xxx).</summary>
public static class PreprocessorDiagnostics
{
    public static readonly DiagnosticDescriptor UnterminatedConditional =
        new("LE2001", DiagnosticSeverity.Error, "unterminated #{0}");

    public static readonly DiagnosticDescriptor StrayConditional =
        new("LE2002", DiagnosticSeverity.Error, "#{0} without #if");

    public static readonly DiagnosticDescriptor ConditionalAfterElse =
        new("LE2003", DiagnosticSeverity.Error, "#{0} after #else");

    public static readonly DiagnosticDescriptor MissingMacroName =
        new("LE2004", DiagnosticSeverity.Error, "no macro name given in #{0} directive");

    public static readonly DiagnosticDescriptor MacroNameNotIdentifier =
        new("LE2005", DiagnosticSeverity.Error, "macro names must be identifiers");

    public static readonly DiagnosticDescriptor BadMacroParameter =
        new("LE2006", DiagnosticSeverity.Error, "expected parameter name, found \"{0}\"");

    public static readonly DiagnosticDescriptor UnterminatedParameterList =
        new("LE2007", DiagnosticSeverity.Error, "missing ')' in macro parameter list");

    public static readonly DiagnosticDescriptor DuplicateMacroParameter =
        new("LE2008", DiagnosticSeverity.Error, "duplicate macro parameter \"{0}\"");

    public static readonly DiagnosticDescriptor CannotDefineDefined =
        new("LE2009", DiagnosticSeverity.Error, "\"defined\" cannot be used as a macro name");

    public static readonly DiagnosticDescriptor MissingIncludeName =
        new("LE2010", DiagnosticSeverity.Error, "#{0} expects \"FILENAME\" or <FILENAME>");

    public static readonly DiagnosticDescriptor ConditionalNestingTooDeep =
        new("LE2011", DiagnosticSeverity.Error, "#if nesting deeper than {0} levels");

    public static readonly DiagnosticDescriptor IncludeNotFound =
        new("LE2020", DiagnosticSeverity.Warning, "{0}: no such file in the search path");
}
