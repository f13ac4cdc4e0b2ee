namespace LayoutExpert.Syntax.Parsing;

/// <summary>How one parse went with <see cref="ReusableDeclarations"/>: external declarations (and their tokens) taken from earlier parses, and parsed afresh.</summary>
public readonly record struct ReuseStatistics(int DeclarationsReused, int DeclarationsParsed, int TokensReused, int TokensParsed)
{
    public override string ToString() =>
        $"{DeclarationsReused} declarations reused ({TokensReused} tokens), {DeclarationsParsed} parsed ({TokensParsed} tokens)";
}
