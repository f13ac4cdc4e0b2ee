using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>{ initializer-list } (C11 6.7.9). Slots: 0 '{', 1 list of items and commas, 2 '}'?.</summary>
public sealed class InitializerListSyntax : CSyntaxNode
{
    internal InitializerListSyntax(SyntaxNode node) : base(node) { }

    /// <summary><see cref="DesignatedInitializerSyntax"/>, <see cref="ExpressionSyntax"/> or nested <see cref="InitializerListSyntax"/>.</summary>
    public SyntaxNodeList<CSyntaxNode> Items => ListAt<CSyntaxNode>(1);
}

/// <summary>
/// designation initializer: ".a.b[2] = x", "[1 ... 3] = x", GNU "[1] x" and "a: x".
/// Slots: 0 list of designators, 1 '=' or ':' or nothing, 2 initializer.
/// </summary>
public sealed class DesignatedInitializerSyntax : CSyntaxNode
{
    internal DesignatedInitializerSyntax(SyntaxNode node) : base(node) { }

    /// <summary><see cref="FieldDesignatorSyntax"/> and <see cref="ArrayDesignatorSyntax"/>, outermost first.</summary>
    public SyntaxNodeList<CSyntaxNode> Designators => ListAt<CSyntaxNode>(0);

    public CSyntaxNode? Initializer => Get<CSyntaxNode>(2);
}

/// <summary>.name (also the first name of __builtin_offsetof's designator, without '.'). Slots: 0 '.'?, 1 name?.</summary>
public sealed class FieldDesignatorSyntax : CSyntaxNode
{
    internal FieldDesignatorSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken? Name => TokenAt(1);
}

/// <summary>[index] or the GNU range [first ... last]. Slots: 0 '[', 1 index, 2 '...'?, 3 last?, 4 ']'?.</summary>
public sealed class ArrayDesignatorSyntax : CSyntaxNode
{
    internal ArrayDesignatorSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Index => Get<ExpressionSyntax>(1);

    public ExpressionSyntax? RangeEnd => Get<ExpressionSyntax>(3);
}
