using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>Where the lines of the text the parser tokens print start, without writing that text.</summary>
public static partial class ParserInput
{
    /// <summary>
    /// The start of every line of the text <see cref="Fill"/>'s tokens print
    /// (what <see cref="SourceText"/> would find in that text: 0, then one past
    /// each '\n'), so diagnostics in the parse tree are located without the
    /// text of the unit (some 5 MB). A session's replayed file runs keep their
    /// lines in <paramref name="memo"/> with their tokens: after a config flip
    /// this costs a step per piece and per line.
    /// </summary>
    public static int[] LineStarts(IReadOnlyList<PPToken> tokens, ParserInputCache memo)
    {
        var starts = new List<int>(memo.LastLineCount + 1024) { 0 };
        var position = 0;
        var cache = memo.Cache;
        if (tokens is TokenSequence sequence)
        {
            var pieces = sequence.Pieces;
            for (var p = 0; p < pieces.Length; p++)
            {
                var piece = pieces[p];
                var span = piece.AsSpan();
                var endsLine = p + 1 == pieces.Length || (pieces[p + 1][0].Flags & PPTokenFlags.StartOfLine) != 0;
                if (memo.InteriorLines(piece) is { } lines)
                {
                    foreach (var start in lines.Starts) starts.Add(position + start);
                    position += lines.Width;
                }
                else
                {
                    for (var i = 0; i < span.Length - 1; i++) AddLines(Convert(span, i, EndsLine(span, i), cache), ref position, starts);
                }
                AddLines(Convert(span, span.Length - 1, endsLine, cache), ref position, starts);
            }
        }
        else
        {
            var span = AsSpan(tokens);
            for (var i = 0; i < span.Length; i++) AddLines(Convert(span, i, EndsLine(span, i), cache), ref position, starts);
        }
        memo.LastLineCount = starts.Count;
        return [.. starts];
    }

    /// <summary>The lines of a replayed piece's tokens but the last: where each starts after the first, and the text's width.</summary>
    internal static ParserInputCache.Lines InteriorLines(GreenToken[] interior)
    {
        var starts = new List<int>();
        var position = 0;
        foreach (var token in interior) AddLines(token, ref position, starts);
        return new ParserInputCache.Lines([.. starts], position);
    }

    private static void AddLines(GreenToken token, ref int position, List<int> starts)
    {
        AddLines(token.LeadingTrivia, ref position, starts);
        AddLines(token.Text, ref position, starts);
        AddLines(token.TrailingTrivia, ref position, starts);
    }

    private static void AddLines(GreenNode? trivia, ref int position, List<int> starts)
    {
        switch (trivia)
        {
            case null:
                return;
            case GreenTrivia piece:
                AddLines(piece.Text, ref position, starts);
                return;
            default:
                for (var i = 0; i < trivia.SlotCount; i++) AddLines(trivia.GetSlot(i), ref position, starts);
                return;
        }
    }

    private static void AddLines(string text, ref int position, List<int> starts)
    {
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(position + i + 1);
        position += text.Length;
    }
}
