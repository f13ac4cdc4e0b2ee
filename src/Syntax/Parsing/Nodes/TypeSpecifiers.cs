using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// typeof / __typeof__ ( type-name or expression ) (GCC "Referring to a Type with typeof").
/// Slots: 0 keyword, 1 '(', 2 <see cref="TypeNameSyntax"/> or expression, 3 ')'.
/// </summary>
public sealed class TypeofSpecifierSyntax : CSyntaxNode
{
    internal TypeofSpecifierSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(2);

    public ExpressionSyntax? Expression => Get<ExpressionSyntax>(2);
}

/// <summary>_Atomic ( type-name ) (C11 6.7.2.4). Slots: 0 keyword, 1 '(', 2 type name, 3 ')'.</summary>
public sealed class AtomicTypeSpecifierSyntax : CSyntaxNode
{
    internal AtomicTypeSpecifierSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(2);
}

/// <summary>_Alignas ( type-name or constant-expression ) (C11 6.7.5). Slots: 0 keyword, 1 '(', 2 operand, 3 ')'.</summary>
public sealed class AlignasSpecifierSyntax : CSyntaxNode
{
    internal AlignasSpecifierSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(2);

    public ExpressionSyntax? Expression => Get<ExpressionSyntax>(2);
}
