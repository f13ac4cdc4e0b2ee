using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Driver.Explain;

/// <summary>
/// Where each preprocessed token starts in the text the C parser read
/// (ParserInput's layout: one space of leading trivia where there was white
/// space, a newline after a line's last token), so a node of the parse tree,
/// known by position, maps back to the tokens — and their origins — it holds.
/// </summary>
internal sealed class TokenPositions
{
    private readonly int[] _starts;

    public TokenPositions(IReadOnlyList<PPToken> tokens)
    {
        _starts = new int[tokens.Count];
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var startsLine = (token.Flags & PPTokenFlags.StartOfLine) != 0;
            if (token.HasLeadingSpace && !startsLine) position++;
            _starts[i] = position;
            position += token.Text.Length;
            var endsLine = i + 1 == tokens.Count || (tokens[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
            if (endsLine) position++;
        }
    }

    /// <summary>Indices of the tokens that start in [start, end).</summary>
    public (int First, int End) Range(int start, int end) => (LowerBound(start), LowerBound(end));

    private int LowerBound(int position)
    {
        int low = 0, high = _starts.Length;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_starts[mid] < position) low = mid + 1;
            else high = mid;
        }
        return low;
    }
}
