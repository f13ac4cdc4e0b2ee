using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// Where the expander reads unexpanded tokens: the file walker (which runs
/// directives as it goes) or a fixed list (an #if line, a macro argument).
/// <see cref="Next"/> returns an end-of-file token at the end of each file and
/// at the very end; <see cref="Finished"/> tells the two apart.
/// </summary>
public interface ITokenSource
{
    PPToken Next();

    bool Finished { get; }
}

/// <summary>A fixed list of tokens.</summary>
public sealed class ListTokenSource(IReadOnlyList<PPToken> tokens) : ITokenSource
{
    private int _position;

    public bool Finished => _position >= tokens.Count;

    public PPToken Next() =>
        _position < tokens.Count ? tokens[_position++] : new PPToken(Syntax.SyntaxKind.EndOfFileToken, "", PPTokenFlags.None, -1);
}
