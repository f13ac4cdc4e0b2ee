using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// A line the preprocessor let through, from '#' to the end of its line
/// (#pragma, line markers). Slots: the tokens. Pack pragmas change layout,
/// so the binder reads them from here.
/// </summary>
public sealed class PreprocessorLineSyntax : CSyntaxNode
{
    internal PreprocessorLineSyntax(SyntaxNode node) : base(node) { }

    public IEnumerable<SyntaxToken> Tokens => Node.DescendantTokens();

    /// <summary>The directive's name ("pragma"), or null.</summary>
    public string? DirectiveName => Node.SlotCount > 1 && TokenAt(1) is { Kind: SyntaxKind.IdentifierToken } name ? name.ValueText : null;
}

/// <summary>Tokens the parser passed over after an error (the error is on the first of them or just before). Slots: the tokens.</summary>
public sealed class SkippedTokensSyntax : CSyntaxNode
{
    internal SkippedTokensSyntax(SyntaxNode node) : base(node) { }

    public IEnumerable<SyntaxToken> Tokens => Node.DescendantTokens();
}

/// <summary>
/// A braced block kept as tokens, not parsed: function bodies and the block of
/// a statement expression. Slots: 0 '{', 1 list of the tokens between, 2 '}'?.
/// </summary>
public sealed class UnparsedBlockSyntax : CSyntaxNode
{
    internal UnparsedBlockSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken OpenBrace => TokenAt(0)!.Value;

    public IEnumerable<SyntaxToken> Contents => NodeAt(1)?.DescendantTokens() ?? [];

    public SyntaxToken? CloseBrace => TokenAt(2);
}
