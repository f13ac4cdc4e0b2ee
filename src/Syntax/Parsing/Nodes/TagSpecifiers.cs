using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// struct-or-union-specifier (C11 6.7.2.1), kinds <see cref="SyntaxKind.StructSpecifier"/>
/// and <see cref="SyntaxKind.UnionSpecifier"/>. Slots: 0 keyword, 1 attributes after the
/// keyword, 2 tag?, 3 '{'?, 4 members, 5 '}'?, 6 attributes after '}'.
/// Without '{' it refers to (or forward-declares) a tag.
/// </summary>
public sealed class StructOrUnionSpecifierSyntax : CSyntaxNode
{
    internal StructOrUnionSpecifierSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public bool IsUnion => Kind == SyntaxKind.UnionSpecifier;

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(1);

    public SyntaxToken? Tag => TokenAt(2);

    /// <summary>True for a definition (a member list in braces, possibly empty — a GNU extension).</summary>
    public bool HasBody => TokenAt(3) is not null;

    /// <summary><see cref="MemberDeclarationSyntax"/>, <see cref="StaticAssertDeclarationSyntax"/>, stray ';', #pragma lines, skipped tokens.</summary>
    public SyntaxNodeList<CSyntaxNode> Members => ListAt<CSyntaxNode>(4);

    public SyntaxNodeList<AttributeSpecifierSyntax> TrailingAttributes => ListAt<AttributeSpecifierSyntax>(6);
}

/// <summary>
/// struct-declaration (C11 6.7.2.1). Slots: 0 specifiers, 1 list of
/// <see cref="MemberDeclaratorSyntax"/> and commas (empty for an anonymous struct or union member), 2 ';'?.
/// </summary>
public sealed class MemberDeclarationSyntax : CSyntaxNode
{
    internal MemberDeclarationSyntax(SyntaxNode node) : base(node) { }

    public DeclarationSpecifiersSyntax? Specifiers => Get<DeclarationSpecifiersSyntax>(0);

    public SyntaxNodeList<MemberDeclaratorSyntax> Declarators => ListAt<MemberDeclaratorSyntax>(1);
}

/// <summary>
/// struct-declarator: "declarator attributes?" or "declarator? : width attributes?".
/// Slots: 0 declarator?, 1 ':'?, 2 width?, 3 attributes.
/// </summary>
public sealed class MemberDeclaratorSyntax : CSyntaxNode
{
    internal MemberDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public DeclaratorSyntax? Declarator => Get<DeclaratorSyntax>(0);

    public bool IsBitField => TokenAt(1) is not null;

    public ExpressionSyntax? Width => Get<ExpressionSyntax>(2);

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(3);
}

/// <summary>
/// enum-specifier (C11 6.7.2.2). Slots: 0 keyword, 1 attributes, 2 tag?, 3 '{'?,
/// 4 list of <see cref="EnumeratorSyntax"/> and commas, 5 '}'?, 6 attributes after '}'.
/// </summary>
public sealed class EnumSpecifierSyntax : CSyntaxNode
{
    internal EnumSpecifierSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(1);

    public SyntaxToken? Tag => TokenAt(2);

    public bool HasBody => TokenAt(3) is not null;

    public SyntaxNodeList<EnumeratorSyntax> Enumerators => ListAt<EnumeratorSyntax>(4);

    public SyntaxNodeList<AttributeSpecifierSyntax> TrailingAttributes => ListAt<AttributeSpecifierSyntax>(6);
}

/// <summary>enumerator: name attributes? (= value)?. Slots: 0 name, 1 attributes, 2 '='?, 3 value?.</summary>
public sealed class EnumeratorSyntax : CSyntaxNode
{
    internal EnumeratorSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Identifier => TokenAt(0)!.Value;

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(1);

    public ExpressionSyntax? Value => Get<ExpressionSyntax>(3);
}
