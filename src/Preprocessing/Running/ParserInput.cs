using System.Runtime.InteropServices;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

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
public static partial class ParserInput
{
    public static GreenToken[] FromTokens(IReadOnlyList<PPToken> tokens, GreenNodeCache cache) => FromTokens(tokens, new ParserInputCache(cache));

    /// <summary>
    /// The same tokens as <see cref="FromTokens(IReadOnlyList{PPToken}, GreenNodeCache)"/> with
    /// <paramref name="memo"/>'s cache; the pieces of a <see cref="TokenSequence"/> that are whole
    /// arrays (a session's replayed file runs) are converted once and copied after that.
    /// </summary>
    public static GreenToken[] FromTokens(IReadOnlyList<PPToken> tokens, ParserInputCache memo)
    {
        var result = new GreenToken[tokens.Count + 1];
        Convert(tokens, memo, result)?.Fill(result, 0, tokens.Count);
        return result;
    }

    /// <summary>
    /// The same tokens in <paramref name="memo"/>'s buffer, in the parser's
    /// shape (ending with the end-of-file token): no million-entry array per
    /// call. When the memo keeps conversions, the pieces of a <see cref="TokenSequence"/>
    /// are written only where the parser reads (<see cref="ParserTokens.Source"/>):
    /// a config flip's input repeats the last one nearly everywhere, and there
    /// the parser takes what it parsed before without reading. Valid until the
    /// next <see cref="Fill"/> with the same memo.
    /// </summary>
    public static ParserTokens Fill(IReadOnlyList<PPToken> tokens, ParserInputCache memo)
    {
        var buffer = memo.Buffer(tokens.Count + 1);
        var source = Convert(tokens, memo, buffer);
        return new ParserTokens(buffer, tokens.Count + 1) { Version = memo.Version, Repeats = memo.Repeats, Source = source };
    }

    /// <summary>Converts the tokens, writing the end-of-file token into <paramref name="result"/>; returns where the others come from when they are not written yet (null: written).</summary>
    private static IParserTokenSource? Convert(IReadOnlyList<PPToken> tokens, ParserInputCache memo, GreenToken[] result)
    {
        IParserTokenSource? source = null;
        if (tokens is TokenSequence sequence)
        {
            if (memo.Keeps) source = FromPieces(sequence, memo, result);
            else
            {
                Convert(sequence, memo.Cache, result);
                memo.EndPieces(null);
            }
        }
        else
        {
            FromSpan(AsSpan(tokens), memo.Cache, result);
            memo.EndPieces(null);
        }
        memo.EndCall();
        return source;
    }

    private static void FromSpan(ReadOnlySpan<PPToken> span, GreenNodeCache cache, GreenToken[] result)
    {
        Convert(span, endsLine: true, cache, result);
        result[span.Length] = EndOfFile(cache);
    }

    /// <summary>The pieces converted one after the other into <paramref name="result"/> (a memo that keeps nothing).</summary>
    private static void Convert(TokenSequence sequence, GreenNodeCache cache, GreenToken[] result)
    {
        var pieces = sequence.Pieces;
        var at = 0;
        for (var p = 0; p < pieces.Length; p++)
        {
            var span = pieces[p].AsSpan();
            Convert(span, EndsLine(pieces, p), cache, result.AsSpan(at));
            at += span.Length;
        }
        result[at] = EndOfFile(cache);
    }

    /// <summary>
    /// Logs each piece with its conversion (kept, or made now for a piece not
    /// seen before) and writes only the end-of-file token: the log writes the
    /// others where the parser reads (each piece's kept interior, then its last token).
    /// </summary>
    private static PieceLog FromPieces(TokenSequence sequence, ParserInputCache memo, GreenToken[] result)
    {
        var cache = memo.Cache;
        var pieces = sequence.Pieces;
        var at = 0;
        var log = memo.BeginPieces(pieces.Length)!;
        for (var p = 0; p < pieces.Length; p++)
        {
            var piece = pieces[p];
            // Most pieces follow the last call's order: taken from its log with no lookup.
            if (!log.AddExpected(piece, at))
            {
                // A piece not seen before is converted once all are logged (PieceLog.Finish), from the last call's where it repeats them.
                var entry = piece.Count > 1 ? memo.Find(piece) : null;
                log.Add(piece, at, entry, seenBefore: entry is not null);
            }
            at += piece.Count;
        }
        log.Finish(memo);
        result[at] = EndOfFile(cache);
        memo.EndPieces(log);
        return log;
    }

    /// <summary>The last token of <paramref name="piece"/>, ending a line when <paramref name="endsLine"/>.</summary>
    internal static GreenToken ConvertLast(ArraySegment<PPToken> piece, bool endsLine, GreenNodeCache cache) =>
        Convert(piece.AsSpan(), piece.Count - 1, endsLine, cache);

    /// <summary><paramref name="token"/> converted, ending a line when <paramref name="endsLine"/>, with the cache's <paramref name="spacing"/> trivia (<see cref="Spacing"/>).</summary>
    internal static GreenToken ConvertOne(in PPToken token, bool endsLine, GreenNodeCache cache, (GreenTrivia Space, GreenTrivia Newline) spacing) =>
        cache.RecurringToken(token.Kind, token.Text, SpaceBefore(token) ? spacing.Space : null, endsLine ? spacing.Newline : null);

    /// <summary>The trivia converted tokens carry: a space before, an end of line after.</summary>
    internal static (GreenTrivia Space, GreenTrivia Newline) Spacing(GreenNodeCache cache) =>
        (cache.Trivia(SyntaxKind.WhitespaceTrivia, " "), cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n"));

    /// <summary>The last token of piece <paramref name="p"/> ends a line when the next piece starts one: the only token a piece's neighbours decide.</summary>
    private static bool EndsLine(ReadOnlySpan<ArraySegment<PPToken>> pieces, int p) =>
        p + 1 == pieces.Length || (pieces[p + 1][0].Flags & PPTokenFlags.StartOfLine) != 0;

    /// <summary>Converts <paramref name="span"/> into <paramref name="destination"/>; its last token ends a line when <paramref name="endsLine"/>.</summary>
    private static void Convert(ReadOnlySpan<PPToken> span, bool endsLine, GreenNodeCache cache, Span<GreenToken> destination)
    {
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var token = ref span[i];
            var ends = i + 1 == span.Length ? endsLine : (span[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
            // The preprocessor hands out a few tens of thousands of text objects
            // for a million tokens: the cache finds each token by its text object.
            destination[i] = cache.RecurringToken(token.Kind, token.Text, SpaceBefore(token) ? space : null, ends ? newline : null);
        }
    }

    private static GreenToken Convert(ReadOnlySpan<PPToken> span, int i, bool endsLine, GreenNodeCache cache) =>
        cache.RecurringToken(span[i].Kind, span[i].Text,
            SpaceBefore(span[i]) ? cache.Trivia(SyntaxKind.WhitespaceTrivia, " ") : null,
            endsLine ? cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n") : null);

    private static GreenToken EndOfFile(GreenNodeCache cache) => cache.Token(SyntaxKind.EndOfFileToken, "", null, null);

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
        TokenSequence sequence => sequence.ToArray(),
        _ => tokens.ToArray(),
    };

    /// <summary>A space of leading trivia where there was white space, unless the token starts a line (the newline before it is the space).</summary>
    private static bool SpaceBefore(in PPToken token) =>
        (token.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)) == PPTokenFlags.LeadingSpace;

    private static bool EndsLine(ReadOnlySpan<PPToken> tokens, int i) => i + 1 == tokens.Length || (tokens[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
}
