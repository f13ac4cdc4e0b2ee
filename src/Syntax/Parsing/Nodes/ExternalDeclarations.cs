using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>translation-unit (C11 6.9). Slots: 0 list of external declarations, 1 end-of-file token.</summary>
public sealed class TranslationUnitSyntax : CSyntaxNode
{
    internal TranslationUnitSyntax(SyntaxNode node) : base(node) { }

    /// <summary>
    /// Declarations, function definitions, static assertions, file-scope asm,
    /// stray ';', preprocessor lines (#pragma) and skipped tokens, in order.
    /// </summary>
    public SyntaxNodeList<CSyntaxNode> Members => ListAt<CSyntaxNode>(0);

    public SyntaxToken EndOfFile => TokenAt(1)!.Value;
}

/// <summary>
/// declaration (C11 6.7): specifiers, init-declarators, ';'.
/// Slots: 0 <see cref="DeclarationSpecifiersSyntax"/>?, 1 list of <see cref="InitDeclaratorSyntax"/> and commas, 2 ';'?.
/// Specifiers are absent in gnu11's implicit-int declarations ("x;").
/// </summary>
public sealed class DeclarationSyntax : CSyntaxNode
{
    internal DeclarationSyntax(SyntaxNode node) : base(node) { }

    public DeclarationSpecifiersSyntax? Specifiers => Get<DeclarationSpecifiersSyntax>(0);

    public SyntaxNodeList<InitDeclaratorSyntax> Declarators => ListAt<InitDeclaratorSyntax>(1);

    public SyntaxToken? Semicolon => TokenAt(2);
}

/// <summary>
/// function-definition (C11 6.9.1). The body is not parsed.
/// Slots: 0 specifiers?, 1 declarator, 2 <see cref="AsmLabelSyntax"/>?, 3 list of attribute specifiers,
/// 4 list of old-style parameter <see cref="DeclarationSyntax"/>, 5 <see cref="UnparsedBlockSyntax"/>?.
/// </summary>
public sealed class FunctionDefinitionSyntax : CSyntaxNode
{
    internal FunctionDefinitionSyntax(SyntaxNode node) : base(node) { }

    public DeclarationSpecifiersSyntax? Specifiers => Get<DeclarationSpecifiersSyntax>(0);

    public DeclaratorSyntax? Declarator => Get<DeclaratorSyntax>(1);

    public AsmLabelSyntax? AsmLabel => Get<AsmLabelSyntax>(2);

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(3);

    public SyntaxNodeList<DeclarationSyntax> OldStyleParameterDeclarations => ListAt<DeclarationSyntax>(4);

    public UnparsedBlockSyntax? Body => Get<UnparsedBlockSyntax>(5);
}

/// <summary>
/// static_assert-declaration (C11 6.7.10).
/// Slots: 0 keyword, 1 '(', 2 condition, 3 ','?, 4 message?, 5 ')', 6 ';'.
/// </summary>
public sealed class StaticAssertDeclarationSyntax : CSyntaxNode
{
    internal StaticAssertDeclarationSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public ExpressionSyntax? Condition => Get<ExpressionSyntax>(2);

    public StringLiteralExpressionSyntax? Message => Get<StringLiteralExpressionSyntax>(4);
}

/// <summary>Basic asm at file scope. Slots: 0 keyword, 1 '(', 2 string, 3 ')', 4 ';'.</summary>
public sealed class FileScopeAsmSyntax : CSyntaxNode
{
    internal FileScopeAsmSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Keyword => TokenAt(0)!.Value;

    public StringLiteralExpressionSyntax? Text => Get<StringLiteralExpressionSyntax>(2);
}

/// <summary>A stray ';' at file scope or among members (gcc accepts both). Slot: 0 ';'.</summary>
public sealed class EmptyDeclarationSyntax : CSyntaxNode
{
    internal EmptyDeclarationSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Semicolon => TokenAt(0)!.Value;
}
