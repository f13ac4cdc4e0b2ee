namespace LayoutExpert.Syntax.Parsing;

/// <summary>How one parse went with <see cref="ReusableDeclarations"/>: external declarations (and their tokens) taken from earlier parses, and parsed afresh.</summary>
public readonly record struct ReuseStatistics(int DeclarationsReused, int DeclarationsParsed, int TokensReused, int TokensParsed)
{
    /// <summary>Blocks of declarations taken whole (their declarations are counted in <see cref="DeclarationsReused"/>).</summary>
    public int BlocksReused { get; init; }

    /// <summary>Tokens of declarations and blocks found the same as an earlier parse's on the input's word that it repeats the last parse's there (<see cref="InputRepeats"/>), not compared.</summary>
    public int TokensRepeated { get; init; }

    /// <summary>Tokens of a lazy input (<see cref="ParserTokens.Source"/>) written because the parser read there.</summary>
    public int TokensFilled { get; init; }

    public override string ToString() =>
        $"{DeclarationsReused} declarations reused ({TokensReused} tokens, {BlocksReused} blocks), {DeclarationsParsed} parsed ({TokensParsed} tokens)";
}
