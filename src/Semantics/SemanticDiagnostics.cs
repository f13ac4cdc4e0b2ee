using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Semantics;

/// <summary>
/// The binder's and constant evaluator's diagnostics (LE3xxx). Messages follow
/// gcc's wording where gcc reports the same problem, so a user can search for them.
/// </summary>
public static class SemanticDiagnostics
{
    public static readonly DiagnosticDescriptor NotAConstant =
        new("LE3001", DiagnosticSeverity.Error, "{0} is not an integer constant expression");

    public static readonly DiagnosticDescriptor DivisionByZero =
        new("LE3002", DiagnosticSeverity.Error, "division by zero in a constant expression");

    public static readonly DiagnosticDescriptor Undeclared =
        new("LE3003", DiagnosticSeverity.Error, "'{0}' undeclared");

    public static readonly DiagnosticDescriptor WrongKindOfTag =
        new("LE3004", DiagnosticSeverity.Error, "'{0}' defined as wrong kind of tag");

    public static readonly DiagnosticDescriptor Redefinition =
        new("LE3005", DiagnosticSeverity.Error, "redefinition of '{0}'");

    public static readonly DiagnosticDescriptor ConflictingTypes =
        new("LE3006", DiagnosticSeverity.Error, "conflicting types for '{0}'");

    public static readonly DiagnosticDescriptor InvalidTypeSpecifiers =
        new("LE3007", DiagnosticSeverity.Error, "{0}");

    public static readonly DiagnosticDescriptor NoSuchMember =
        new("LE3008", DiagnosticSeverity.Error, "{0} has no member named '{1}'");

    public static readonly DiagnosticDescriptor Layout =
        new("LE3009", DiagnosticSeverity.Error, "{0}");

    public static readonly DiagnosticDescriptor InvalidOperand =
        new("LE3010", DiagnosticSeverity.Error, "{0}");

    public static readonly DiagnosticDescriptor StaticAssertionFailed =
        new("LE3011", DiagnosticSeverity.Error, "static assertion failed: {0}");

    public static readonly DiagnosticDescriptor EnumOverflow =
        new("LE3012", DiagnosticSeverity.Error, "overflow in enumeration values");

    public static readonly DiagnosticDescriptor Unsupported =
        new("LE3013", DiagnosticSeverity.Error, "{0} is not supported");

    public static readonly DiagnosticDescriptor BadAttributeArgument =
        new("LE3014", DiagnosticSeverity.Error, "invalid argument of attribute '{0}'");

    public static readonly DiagnosticDescriptor AttributeIgnored =
        new("LE3015", DiagnosticSeverity.Warning, "'{0}' attribute ignored");

    public static readonly DiagnosticDescriptor DeclaresNothing =
        new("LE3016", DiagnosticSeverity.Warning, "declaration does not declare anything");

    public static readonly DiagnosticDescriptor DeclaredInParameterList =
        new("LE3017", DiagnosticSeverity.Warning, "'{0}' declared inside parameter list will not be visible outside of this definition or declaration");

    public static readonly DiagnosticDescriptor BadLiteral =
        new("LE3018", DiagnosticSeverity.Error, "invalid constant '{0}'");

    public static readonly DiagnosticDescriptor BadPragma =
        new("LE3019", DiagnosticSeverity.Warning, "malformed '#pragma pack' ignored");

    public static readonly DiagnosticDescriptor VariablyModified =
        new("LE3020", DiagnosticSeverity.Error, "variably modified '{0}' at file scope");

    public static readonly DiagnosticDescriptor TooManyDiagnostics =
        new("LE3099", DiagnosticSeverity.Note, "further diagnostics suppressed");
}
