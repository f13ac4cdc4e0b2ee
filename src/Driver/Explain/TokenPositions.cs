using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Driver.Explain;

/// <summary>
/// Maps a range of the parse tree's text back to the preprocessed tokens in it
/// (the layout is <see cref="ParserInput"/>'s), so a definition's tokens — and
/// their origins — can be found from its node.
/// </summary>
internal sealed class TokenPositions(IReadOnlyList<PPToken> tokens)
{
    private readonly int[] _starts = ParserInput.TokenStarts(tokens);

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
