using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// Diagnostics of #if/#elif expression evaluation (LE22xx). The messages are
/// gcc 12's (libcpp expr.cc, charset.cc), so that output can be compared.
/// Warnings are the ones gcc gives with kbuild's flags (-Wundef on, no -pedantic).
/// </summary>
public static class ConditionDiagnostics
{
    public static readonly DiagnosticDescriptor NoExpression =
        new("LE2201", DiagnosticSeverity.Error, "#{0} with no expression");

    public static readonly DiagnosticDescriptor MissingBinaryOperator =
        new("LE2202", DiagnosticSeverity.Error, "missing binary operator before token \"{0}\"");

    public static readonly DiagnosticDescriptor InvalidToken =
        new("LE2203", DiagnosticSeverity.Error, "token \"{0}\" is not valid in preprocessor expressions");

    public static readonly DiagnosticDescriptor EmptyParentheses =
        new("LE2204", DiagnosticSeverity.Error, "missing expression between '(' and ')'");

    public static readonly DiagnosticDescriptor NoRightOperand =
        new("LE2205", DiagnosticSeverity.Error, "operator '{0}' has no right operand");

    public static readonly DiagnosticDescriptor NoLeftOperand =
        new("LE2206", DiagnosticSeverity.Error, "operator '{0}' has no left operand");

    public static readonly DiagnosticDescriptor MissingCloseParen =
        new("LE2207", DiagnosticSeverity.Error, "missing ')' in expression");

    public static readonly DiagnosticDescriptor MissingOpenParen =
        new("LE2208", DiagnosticSeverity.Error, "missing '(' in expression");

    public static readonly DiagnosticDescriptor ColonWithoutQuestion =
        new("LE2209", DiagnosticSeverity.Error, " ':' without preceding '?'");

    public static readonly DiagnosticDescriptor QuestionWithoutColon =
        new("LE2210", DiagnosticSeverity.Error, "'?' without following ':'");

    public static readonly DiagnosticDescriptor DivisionByZero =
        new("LE2211", DiagnosticSeverity.Error, "division by zero in #if");

    public static readonly DiagnosticDescriptor IntegerOverflow =
        new("LE2212", DiagnosticSeverity.Warning, "integer overflow in preprocessor expression");

    public static readonly DiagnosticDescriptor UndefinedIdentifier =
        new("LE2213", DiagnosticSeverity.Warning, "\"{0}\" is not defined, evaluates to 0");

    public static readonly DiagnosticDescriptor FloatingConstant =
        new("LE2214", DiagnosticSeverity.Error, "floating constant in preprocessor expression");

    public static readonly DiagnosticDescriptor ImaginaryConstant =
        new("LE2215", DiagnosticSeverity.Error, "imaginary number in preprocessor expression");

    public static readonly DiagnosticDescriptor InvalidIntegerSuffix =
        new("LE2216", DiagnosticSeverity.Error, "invalid suffix \"{0}\" on integer constant");

    public static readonly DiagnosticDescriptor InvalidFloatingSuffix =
        new("LE2217", DiagnosticSeverity.Error, "invalid suffix \"{0}\" on floating constant");

    public static readonly DiagnosticDescriptor InvalidOctalDigit =
        new("LE2218", DiagnosticSeverity.Error, "invalid digit \"{0}\" in octal constant");

    public static readonly DiagnosticDescriptor InvalidBinaryDigit =
        new("LE2219", DiagnosticSeverity.Error, "invalid digit \"{0}\" in binary constant");

    public static readonly DiagnosticDescriptor IntegerTooLarge =
        new("LE2220", DiagnosticSeverity.Warning, "integer constant is too large for its type");

    public static readonly DiagnosticDescriptor IntegerSoLargeItIsUnsigned =
        new("LE2221", DiagnosticSeverity.Warning, "integer constant is so large that it is unsigned");

    public static readonly DiagnosticDescriptor EmptyCharacterConstant =
        new("LE2222", DiagnosticSeverity.Error, "empty character constant");

    public static readonly DiagnosticDescriptor CharacterConstantTooLong =
        new("LE2223", DiagnosticSeverity.Warning, "character constant too long for its type");

    public static readonly DiagnosticDescriptor MultiCharacterConstant =
        new("LE2224", DiagnosticSeverity.Warning, "multi-character character constant");

    public static readonly DiagnosticDescriptor UnknownEscape =
        new("LE2225", DiagnosticSeverity.Warning, "unknown escape sequence: '{0}'");

    public static readonly DiagnosticDescriptor HexEscapeWithoutDigits =
        new("LE2226", DiagnosticSeverity.Error, "\\x used with no following hex digits");

    public static readonly DiagnosticDescriptor HexEscapeOutOfRange =
        new("LE2227", DiagnosticSeverity.Warning, "hex escape sequence out of range");

    public static readonly DiagnosticDescriptor OctalEscapeOutOfRange =
        new("LE2228", DiagnosticSeverity.Warning, "octal escape sequence out of range");

    public static readonly DiagnosticDescriptor IncompleteUniversalCharacter =
        new("LE2229", DiagnosticSeverity.Error, "incomplete universal character name {0}");

    public static readonly DiagnosticDescriptor InvalidUniversalCharacter =
        new("LE2230", DiagnosticSeverity.Error, "{0} is not a valid universal character");

    public static readonly DiagnosticDescriptor ExponentWithoutDigits =
        new("LE2231", DiagnosticSeverity.Error, "exponent has no digits");

    public static readonly DiagnosticDescriptor HexFloatWithoutExponent =
        new("LE2232", DiagnosticSeverity.Error, "hexadecimal floating constants require an exponent");

    public static readonly DiagnosticDescriptor BinaryPrefixOnFloat =
        new("LE2233", DiagnosticSeverity.Error, "invalid prefix \"0b\" for floating constant");

    public static readonly DiagnosticDescriptor TooManyDecimalPoints =
        new("LE2234", DiagnosticSeverity.Error, "too many decimal points in number");

    public static readonly DiagnosticDescriptor HexFloatWithoutDigits =
        new("LE2235", DiagnosticSeverity.Error, "no digits in hexadecimal floating constant");

    public static readonly DiagnosticDescriptor DecimalFloatSuffixOnHex =
        new("LE2236", DiagnosticSeverity.Error, "invalid suffix \"{0}\" with hexadecimal floating constant");

    public static readonly DiagnosticDescriptor DeprecatedAssertion =
        new("LE2237", DiagnosticSeverity.Warning, "assertions are a deprecated extension");

    public static readonly DiagnosticDescriptor AssertionWithoutPredicate =
        new("LE2238", DiagnosticSeverity.Error, "assertion without predicate");

    public static readonly DiagnosticDescriptor PredicateNotIdentifier =
        new("LE2239", DiagnosticSeverity.Error, "predicate must be an identifier");

    public static readonly DiagnosticDescriptor UnterminatedAnswer =
        new("LE2240", DiagnosticSeverity.Error, "missing ')' to complete answer");

    public static readonly DiagnosticDescriptor EmptyAnswer =
        new("LE2241", DiagnosticSeverity.Error, "predicate's answer is empty");

    public static readonly DiagnosticDescriptor OutsideUcsCodespace =
        new("LE2242", DiagnosticSeverity.Warning, "{0} is outside the UCS codespace");
}
