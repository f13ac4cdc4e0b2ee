using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>An expression (C11 6.5). Constant expressions the binder evaluates (array bounds, widths, enumerators, aligned(N)) are always parsed.</summary>
public abstract class ExpressionSyntax : CSyntaxNode
{
    private protected ExpressionSyntax(SyntaxNode node) : base(node) { }
}

/// <summary>A name in an expression. Slot: 0 identifier.</summary>
public sealed class IdentifierNameSyntax : ExpressionSyntax
{
    internal IdentifierNameSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Identifier => TokenAt(0)!.Value;

    public string Name => Identifier.ValueText;
}

/// <summary>A pp-number used as a constant (C11 6.4.4.1-2); its validity is the binder's to judge. Slot: 0 pp-number.</summary>
public sealed class NumberLiteralSyntax : ExpressionSyntax
{
    internal NumberLiteralSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Token => TokenAt(0)!.Value;
}

/// <summary>A character constant (C11 6.4.4.4). Slot: 0 the literal.</summary>
public sealed class CharacterLiteralSyntax : ExpressionSyntax
{
    internal CharacterLiteralSyntax(SyntaxNode node) : base(node) { }

    public SyntaxToken Token => TokenAt(0)!.Value;
}

/// <summary>Adjacent string literals, one string after phase 6 (C11 5.1.1.2). Slots: the string tokens.</summary>
public sealed class StringLiteralExpressionSyntax : ExpressionSyntax
{
    internal StringLiteralExpressionSyntax(SyntaxNode node) : base(node) { }

    public IEnumerable<SyntaxToken> Tokens => Node.DescendantTokens();
}

/// <summary>( expression ). Slots: 0 '(', 1 expression, 2 ')'?.</summary>
public sealed class ParenthesizedExpressionSyntax : ExpressionSyntax
{
    internal ParenthesizedExpressionSyntax(SyntaxNode node) : base(node) { }

    public ExpressionSyntax? Expression => Get<ExpressionSyntax>(1);
}

/// <summary>GNU ({ ... }); the block is kept as tokens. Slots: 0 '(', 1 <see cref="UnparsedBlockSyntax"/>, 2 ')'?.</summary>
public sealed class StatementExpressionSyntax : ExpressionSyntax
{
    internal StatementExpressionSyntax(SyntaxNode node) : base(node) { }

    public UnparsedBlockSyntax? Block => Get<UnparsedBlockSyntax>(1);
}

/// <summary>Where an expression was expected and none was found (the error is on the next token). No slots, or the skipped tokens.</summary>
public sealed class ErrorExpressionSyntax : ExpressionSyntax
{
    internal ErrorExpressionSyntax(SyntaxNode node) : base(node) { }
}
