using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// op operand (C11 6.5.3): + - ~ ! * &amp; ++ --, GNU &amp;&amp;label, __extension__,
/// __real__, __imag__. Slots: 0 operator token, 1 operand.
/// </summary>
public sealed class PrefixUnaryExpressionSyntax : ExpressionSyntax
{
    internal PrefixUnaryExpressionSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken OperatorToken => TokenAt(0)!.Value;

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(1);
}

/// <summary>operand ++ or operand --. Slots: 0 operand, 1 operator token.</summary>
public sealed class PostfixUnaryExpressionSyntax : ExpressionSyntax
{
    internal PostfixUnaryExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(0);

    public SyntaxToken OperatorToken => TokenAt(1)!.Value;
}

/// <summary>
/// sizeof / _Alignof / __alignof__ of an expression (kinds <see cref="SyntaxKind.SizeofExpression"/>,
/// <see cref="SyntaxKind.AlignofExpression"/>). Slots: 0 keyword, 1 operand.
/// </summary>
public sealed class SizeofOrAlignofExpressionSyntax : ExpressionSyntax
{
    internal SizeofOrAlignofExpressionSyntax(SyntaxNode node) : base(node) { }

    public bool IsAlignof => Kind == SyntaxKind.AlignofExpression;

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(1);
}

/// <summary>
/// sizeof ( type-name ) / _Alignof ( type-name ) (kinds <see cref="SyntaxKind.SizeofTypeExpression"/>,
/// <see cref="SyntaxKind.AlignofTypeExpression"/>). Slots: 0 keyword, 1 '(', 2 type name, 3 ')'?.
/// </summary>
public sealed class SizeofOrAlignofTypeSyntax : ExpressionSyntax
{
    internal SizeofOrAlignofTypeSyntax(SyntaxNode node) : base(node) { }

    public bool IsAlignof => Kind == SyntaxKind.AlignofTypeExpression;

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(2);
}

/// <summary>( type-name ) operand (C11 6.5.4). Slots: 0 '(', 1 type name, 2 ')'?, 3 operand?.</summary>
public sealed class CastExpressionSyntax : ExpressionSyntax
{
    internal CastExpressionSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(1);

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(3);
}

/// <summary>( type-name ) { initializer-list } (C11 6.5.2.5). Slots: 0 '(', 1 type name, 2 ')', 3 initializer list.</summary>
public sealed class CompoundLiteralSyntax : ExpressionSyntax
{
    internal CompoundLiteralSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(1);

    public InitializerListSyntax? Initializer => Get<InitializerListSyntax>(3);
}

/// <summary>
/// left op right for every binary operator (C11 6.5.5-6.5.14) and the comma
/// operator (6.5.17), left-associative: "a - b - c" is Binary(Binary(a, b), c).
/// Slots: 0 left, 1 operator token, 2 right.
/// </summary>
public sealed class BinaryExpressionSyntax : ExpressionSyntax
{
    internal BinaryExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Left => Get<ExpressionSyntax>(0);

    public SyntaxToken OperatorToken => TokenAt(1)!.Value;

    public SyntaxKind Operator => OperatorToken.Kind;

    public ExpressionSyntax? Right => Get<ExpressionSyntax>(2);
}

/// <summary>condition ? a : b, GNU "condition ?: b" with no middle (C11 6.5.15). Slots: 0 condition, 1 '?', 2 middle?, 3 ':'?, 4 last?.</summary>
public sealed class ConditionalExpressionSyntax : ExpressionSyntax
{
    internal ConditionalExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Condition => Get<ExpressionSyntax>(0);

    /// <summary>The middle operand; null in GNU "a ?: b", which means "a ? a : b" with a evaluated once.</summary>
    public ExpressionSyntax? WhenTrue => Get<ExpressionSyntax>(2);

    public ExpressionSyntax? WhenFalse => Get<ExpressionSyntax>(4);
}

/// <summary>left op= right (C11 6.5.16), right-associative. Slots: 0 left, 1 operator token, 2 right.</summary>
public sealed class AssignmentExpressionSyntax : ExpressionSyntax
{
    internal AssignmentExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Left => Get<ExpressionSyntax>(0);

    public SyntaxToken OperatorToken => TokenAt(1)!.Value;

    public ExpressionSyntax? Right => Get<ExpressionSyntax>(2);
}
