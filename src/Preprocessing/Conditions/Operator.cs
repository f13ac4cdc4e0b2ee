using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>The operators of an #if expression, plus the ends of the expression.</summary>
internal enum Operator
{
    End,
    Not,
    Greater,
    Less,
    Plus,
    Minus,
    Multiply,
    Divide,
    Modulo,
    And,
    Or,
    Xor,
    ShiftRight,
    ShiftLeft,
    Complement,
    AndAnd,
    OrOr,
    Question,
    Colon,
    Comma,
    OpenParen,
    CloseParen,
    EqualsEquals,
    NotEquals,
    GreaterEquals,
    LessEquals,
    UnaryPlus,
    UnaryMinus,
}

/// <summary>
/// Priorities and properties of the operators, as in gcc's operator-precedence
/// parser (libcpp expr.cc, optab). ?:, ':' and ',' share one priority; reduce
/// handles the cases where that would be wrong.
/// </summary>
internal static class OperatorTable
{
    public static int Priority(Operator op) => op switch
    {
        Operator.Not or Operator.Complement or Operator.UnaryPlus or Operator.UnaryMinus => 16,
        Operator.Multiply or Operator.Divide or Operator.Modulo => 15,
        Operator.Plus or Operator.Minus => 14,
        Operator.ShiftLeft or Operator.ShiftRight => 13,
        Operator.Greater or Operator.Less or Operator.GreaterEquals or Operator.LessEquals => 12,
        Operator.EqualsEquals or Operator.NotEquals => 11,
        Operator.And => 9,
        Operator.Xor => 8,
        Operator.Or => 7,
        Operator.AndAnd => 6,
        Operator.OrOr => 5,
        Operator.Question or Operator.Colon or Operator.Comma => 4,
        Operator.OpenParen => 1,
        _ => 0,
    };

    /// <summary>Unary operators and '(' take no left operand.</summary>
    public static bool HasNoLeftOperand(Operator op) =>
        op is Operator.Not or Operator.Complement or Operator.UnaryPlus or Operator.UnaryMinus or Operator.OpenParen;

    /// <summary>Left-associative operators reduce an equal-priority operator already on the stack.</summary>
    public static bool IsLeftAssociative(Operator op) =>
        op is not (Operator.Not or Operator.Complement or Operator.UnaryPlus or Operator.UnaryMinus
            or Operator.OpenParen or Operator.CloseParen or Operator.End or Operator.Question);

    /// <summary>The operator a punctuator is in #if (+ and - are binary here; the parser makes them unary where a value is wanted).</summary>
    public static Operator? FromKind(SyntaxKind kind) => kind switch
    {
        SyntaxKind.ExclamationToken => Operator.Not,
        SyntaxKind.GreaterToken => Operator.Greater,
        SyntaxKind.LessToken => Operator.Less,
        SyntaxKind.PlusToken => Operator.Plus,
        SyntaxKind.MinusToken => Operator.Minus,
        SyntaxKind.AsteriskToken => Operator.Multiply,
        SyntaxKind.SlashToken => Operator.Divide,
        SyntaxKind.PercentToken => Operator.Modulo,
        SyntaxKind.AmpersandToken => Operator.And,
        SyntaxKind.BarToken => Operator.Or,
        SyntaxKind.CaretToken => Operator.Xor,
        SyntaxKind.GreaterGreaterToken => Operator.ShiftRight,
        SyntaxKind.LessLessToken => Operator.ShiftLeft,
        SyntaxKind.TildeToken => Operator.Complement,
        SyntaxKind.AmpersandAmpersandToken => Operator.AndAnd,
        SyntaxKind.BarBarToken => Operator.OrOr,
        SyntaxKind.QuestionToken => Operator.Question,
        SyntaxKind.ColonToken => Operator.Colon,
        SyntaxKind.CommaToken => Operator.Comma,
        SyntaxKind.OpenParenToken => Operator.OpenParen,
        SyntaxKind.CloseParenToken => Operator.CloseParen,
        SyntaxKind.EqualsEqualsToken => Operator.EqualsEquals,
        SyntaxKind.ExclamationEqualsToken => Operator.NotEquals,
        SyntaxKind.GreaterEqualsToken => Operator.GreaterEquals,
        SyntaxKind.LessEqualsToken => Operator.LessEquals,
        _ => null,
    };
}
