using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// Turns preprocessed tokens into the green tokens the C parser reads: a space
/// of leading trivia where there was white space, and an end of line in the
/// trailing trivia of the token before one that started a line — so a
/// "# pragma ..." line ends where the parser expects it to. The text these
/// tokens print is <see cref="PreprocessResult.ToText"/>.
/// </summary>
public static class ParserInput
{
    public static List<GreenToken> FromTokens(IReadOnlyList<PPToken> tokens, GreenNodeCache cache)
    {
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        var result = new List<GreenToken>(tokens.Count + 1);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var endsLine = i + 1 == tokens.Count || (tokens[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
            var leading = token.HasLeadingSpace && (token.Flags & PPTokenFlags.StartOfLine) == 0 ? space : null;
            result.Add(cache.Token(token.Kind, cache.Intern(token.Text), leading, endsLine ? newline : null));
        }
        result.Add(cache.Token(SyntaxKind.EndOfFileToken, "", null, null));
        return result;
    }
}
