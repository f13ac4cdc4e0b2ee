using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// __builtin_offsetof ( type-name , member-designator ) (what &lt;stddef.h&gt; offsetof expands to).
/// Slots: 0 keyword, 1 '(', 2 type name, 3 ',', 4 list of designators, 5 ')'?.
/// The first designator is a <see cref="FieldDesignatorSyntax"/> without '.'.
/// </summary>
public sealed class OffsetofExpressionSyntax : ExpressionSyntax
{
    internal OffsetofExpressionSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(2);

    public SyntaxNodeList<CSyntaxNode> Designators => ListAt<CSyntaxNode>(4);
}

/// <summary>__builtin_types_compatible_p ( type-name , type-name ). Slots: 0 keyword, 1 '(', 2 type, 3 ',', 4 type, 5 ')'?.</summary>
public sealed class TypesCompatibleExpressionSyntax : ExpressionSyntax
{
    internal TypesCompatibleExpressionSyntax(SyntaxNode node) : base(node) { }

    public TypeNameSyntax? First => Get<TypeNameSyntax>(2);

    public TypeNameSyntax? Second => Get<TypeNameSyntax>(4);
}

/// <summary>__builtin_choose_expr ( constant , a , b ). Slots: 0 keyword, 1 '(', 2 condition, 3 ',', 4 a, 5 ',', 6 b, 7 ')'?.</summary>
public sealed class ChooseExpressionSyntax : ExpressionSyntax
{
    internal ChooseExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Condition => Get<ExpressionSyntax>(2);

    public ExpressionSyntax? First => Get<ExpressionSyntax>(4);

    public ExpressionSyntax? Second => Get<ExpressionSyntax>(6);
}

/// <summary>__builtin_va_arg ( expression , type-name ). Slots: 0 keyword, 1 '(', 2 expression, 3 ',', 4 type, 5 ')'?.</summary>
public sealed class VaArgExpressionSyntax : ExpressionSyntax
{
    internal VaArgExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Expression => Get<ExpressionSyntax>(2);

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(4);
}

/// <summary>_Generic ( expression , associations ) (C11 6.5.1.1). Slots: 0 keyword, 1 '(', 2 expression, 3 ',', 4 list of associations and commas, 5 ')'?.</summary>
public sealed class GenericSelectionSyntax : ExpressionSyntax
{
    internal GenericSelectionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Controlling => Get<ExpressionSyntax>(2);

    public SyntaxNodeList<GenericAssociationSyntax> Associations => ListAt<GenericAssociationSyntax>(4);
}

/// <summary>type-name : expression, or default : expression. Slots: 0 type name or 'default' token, 1 ':', 2 expression.</summary>
public sealed class GenericAssociationSyntax : CSyntaxNode
{
    internal GenericAssociationSyntax(SyntaxNode node) : base(node) { }

    public bool IsDefault => TokenAt(0) is not null;

    public TypeNameSyntax? TypeName => Get<TypeNameSyntax>(0);

    public ExpressionSyntax? Expression => Get<ExpressionSyntax>(2);
}
