using System.Runtime.InteropServices;
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
/// Tokens come from the <see cref="GreenNodeCache"/>, so equal tokens are the
/// same objects within a call and across calls with the same cache (what
/// <see cref="Syntax.Parsing.ReusableDeclarations"/> compares).
/// </summary>
public static class ParserInput
{
    public static GreenToken[] FromTokens(IReadOnlyList<PPToken> tokens, GreenNodeCache cache)
    {
        ReadOnlySpan<PPToken> span = tokens switch
        {
            List<PPToken> list => CollectionsMarshal.AsSpan(list),
            PPToken[] array => array,
            _ => [.. tokens],
        };
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        var result = new GreenToken[span.Length + 1];
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var token = ref span[i];
            var endsLine = i + 1 == span.Length || (span[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
            var spaceBefore = (token.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)) == PPTokenFlags.LeadingSpace;
            // The preprocessor hands out a few tens of thousands of text objects
            // for a million tokens: the cache finds each token by its text object.
            result[i] = cache.RecurringToken(token.Kind, token.Text, spaceBefore ? space : null, endsLine ? newline : null);
        }
        result[span.Length] = cache.Token(SyntaxKind.EndOfFileToken, "", null, null);
        return result;
    }
}
