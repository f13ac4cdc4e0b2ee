using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Parsing;

/// <summary>Which node kind a directive name makes (C11 6.10p1, plus GNU's #include_next, #import, #warning and C2x's #elifdef).</summary>
public static class DirectiveNames
{
    public static SyntaxKind KindOf(string? name) => name switch
    {
        "if" => SyntaxKind.IfDirective,
        "ifdef" => SyntaxKind.IfdefDirective,
        "ifndef" => SyntaxKind.IfndefDirective,
        "elif" => SyntaxKind.ElifDirective,
        "elifdef" => SyntaxKind.ElifdefDirective,
        "elifndef" => SyntaxKind.ElifndefDirective,
        "else" => SyntaxKind.ElseDirective,
        "endif" => SyntaxKind.EndifDirective,
        "define" => SyntaxKind.DefineDirective,
        "undef" => SyntaxKind.UndefDirective,
        "include" or "include_next" or "import" => SyntaxKind.IncludeDirective,
        "error" => SyntaxKind.ErrorDirective,
        "warning" => SyntaxKind.WarningDirective,
        "pragma" => SyntaxKind.PragmaDirective,
        "line" => SyntaxKind.LineDirective,
        null => SyntaxKind.NullDirective,
        _ => SyntaxKind.UnknownDirective,
    };

    public static bool OpensSection(SyntaxKind kind) =>
        kind is SyntaxKind.IfDirective or SyntaxKind.IfdefDirective or SyntaxKind.IfndefDirective;

    public static bool ContinuesSection(SyntaxKind kind) =>
        kind is SyntaxKind.ElifDirective or SyntaxKind.ElifdefDirective or SyntaxKind.ElifndefDirective
            or SyntaxKind.ElseDirective or SyntaxKind.EndifDirective;

    public static bool IsElif(SyntaxKind kind) =>
        kind is SyntaxKind.ElifDirective or SyntaxKind.ElifdefDirective or SyntaxKind.ElifndefDirective;
}
