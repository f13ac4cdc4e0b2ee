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
        var span = AsSpan(tokens);
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        var result = new GreenToken[span.Length + 1];
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var token = ref span[i];
            // The preprocessor hands out a few tens of thousands of text objects
            // for a million tokens: the cache finds each token by its text object.
            result[i] = cache.RecurringToken(token.Kind, token.Text, SpaceBefore(token) ? space : null, EndsLine(span, i) ? newline : null);
        }
        result[span.Length] = cache.Token(SyntaxKind.EndOfFileToken, "", null, null);
        return result;
    }

    /// <summary>
    /// Where each token's text starts in the text the parser reads (positions in
    /// the parse tree): maps a tree node back to the preprocessed tokens, and so
    /// to their origins.
    /// </summary>
    public static int[] TokenStarts(IReadOnlyList<PPToken> tokens)
    {
        var span = AsSpan(tokens);
        var starts = new int[span.Length];
        var position = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (SpaceBefore(span[i])) position++;
            starts[i] = position;
            position += span[i].Text.Length + (EndsLine(span, i) ? 1 : 0);
        }
        return starts;
    }

    private static ReadOnlySpan<PPToken> AsSpan(IReadOnlyList<PPToken> tokens) => tokens switch
    {
        List<PPToken> list => CollectionsMarshal.AsSpan(list),
        PPToken[] array => array,
        _ => tokens.ToArray(),
    };

    /// <summary>A space of leading trivia where there was white space, unless the token starts a line (the newline before it is the space).</summary>
    private static bool SpaceBefore(in PPToken token) =>
        (token.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)) == PPTokenFlags.LeadingSpace;

    private static bool EndsLine(ReadOnlySpan<PPToken> tokens, int i) => i + 1 == tokens.Length || (tokens[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
}
