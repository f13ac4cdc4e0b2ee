using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>callee ( arguments ) (C11 6.5.2.2). Slots: 0 callee, 1 '(', 2 list of arguments and commas, 3 ')'?.</summary>
public sealed class CallExpressionSyntax : ExpressionSyntax
{
    internal CallExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Callee => Get<ExpressionSyntax>(0);

    /// <summary>Expressions, and <see cref="TypeNameSyntax"/> for type arguments of __builtin_* callees.</summary>
    public SyntaxNodeList<CSyntaxNode> Arguments => ListAt<CSyntaxNode>(2);
}

/// <summary>operand [ index ] (C11 6.5.2.1). Slots: 0 operand, 1 '[', 2 index, 3 ']'?.</summary>
public sealed class SubscriptExpressionSyntax : ExpressionSyntax
{
    internal SubscriptExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(0);

    public ExpressionSyntax? Index => Get<ExpressionSyntax>(2);
}

/// <summary>operand . member or operand -> member (C11 6.5.2.3). Slots: 0 operand, 1 '.' or '->', 2 member?.</summary>
public sealed class MemberAccessExpressionSyntax : ExpressionSyntax
{
    internal MemberAccessExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Operand => Get<ExpressionSyntax>(0);

    public bool IsArrow => TokenAt(1)!.Value.Kind == SyntaxKind.ArrowToken;

    public SyntaxToken? Member => TokenAt(2);
}
