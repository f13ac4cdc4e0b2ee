using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// __attribute__ (( attribute-list )) (GCC "Attribute Syntax").
/// Slots: 0 keyword, 1 '(', 2 '(', 3 list of <see cref="AttributeSyntax"/> and commas (elements may be empty), 4 ')', 5 ')'.
/// </summary>
public sealed class AttributeSpecifierSyntax : CSyntaxNode
{
    internal AttributeSpecifierSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public SyntaxNodeList<AttributeSyntax> Attributes => ListAt<AttributeSyntax>(3);
}

/// <summary>
/// One attribute: name, or name ( arguments ). Arguments are parsed expressions;
/// a lone identifier argument is an <see cref="IdentifierNameSyntax"/> even when it
/// names a typedef (mode(QI), format(printf, 1, 2)).
/// Slots: 0 name, 1 '('?, 2 list of arguments and commas, 3 ')'?.
/// </summary>
public sealed class AttributeSyntax : CSyntaxNode
{
    internal AttributeSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken NameToken => TokenAt(0)!.Value;

    /// <summary>The name with gcc's "__name__" spelling folded: "__aligned__" and "aligned" are one attribute.</summary>
    public string Name
    {
        get
        {
            var name = NameToken.ValueText;
            return name.Length > 4 && name.StartsWith("__", StringComparison.Ordinal) && name.EndsWith("__", StringComparison.Ordinal)
                ? name[2..^2]
                : name;
        }
    }

    public bool HasArguments => TokenAt(1) is not null;

    public SyntaxNodeList<ExpressionSyntax> Arguments => ListAt<ExpressionSyntax>(2);
}

/// <summary>asm ( string ) after a declarator: the symbol's assembler name (GCC "Asm Labels"). Slots: 0 keyword, 1 '(', 2 string, 3 ')'.</summary>
public sealed class AsmLabelSyntax : CSyntaxNode
{
    internal AsmLabelSyntax(SyntaxNode node) : base(node) { }

    public StringLiteralExpressionSyntax? Name => Get<StringLiteralExpressionSyntax>(2);
}
