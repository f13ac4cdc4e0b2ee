using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// A long text run cut into chunks, each recorded and replayed on its own in a
/// session: a file that runs again then expands only the chunks whose macros
/// changed, not the whole run (skbuff.h has a run of 2,164 tokens of inline
/// functions, of which a DEBUG_LOCK_ALLOC flip changes a few lock calls).
/// Cuts fall at line starts where the run's braces are balanced (between
/// top-level declarations), at least <see cref="Tokens"/> tokens apart; a
/// stretch with no such line for <see cref="LongestChunk"/> tokens is cut at
/// the next line start. The cuts depend on the text alone, so every run of a
/// session cuts a run the same way and keys its chunks by the same positions.
/// A chunk begins at a line start, so the tokens' flags are what the whole
/// run gives them.
/// </summary>
internal sealed class TextChunks
{
    public const int Tokens = 128;

    private const int LongestChunk = 4 * Tokens;

    private TextChunks(int[] starts, int[] positions)
    {
        Starts = starts;
        Positions = positions;
    }

    /// <summary>Each chunk's first token (by index in the run); the last chunk ends with the run.</summary>
    public int[] Starts { get; }

    /// <summary>Each chunk's position in the file (its first token's, leading trivia included).</summary>
    public int[] Positions { get; }

    public int Count => Starts.Length;

    /// <summary>Whether a text run of <paramref name="tokens"/> tokens is cut at all.</summary>
    public static bool Cuts(int tokens) => tokens >= 2 * Tokens;

    public static TextChunks Of(GreenNode textRun, int position)
    {
        var starts = new List<int> { 0 };
        var positions = new List<int> { position };
        var count = textRun.SlotCount;
        var depth = 0;
        var offset = position;
        for (var i = 0; i < count - Tokens / 2; i++)
        {
            var token = (GreenToken)textRun.GetSlot(i)!;
            offset += token.FullWidth;
            if (token.Kind == SyntaxKind.OpenBraceToken) depth++;
            else if (token.Kind == SyntaxKind.CloseBraceToken) depth--;
            var length = i + 1 - starts[^1];
            if (!token.EndsLine || length < Tokens || (depth != 0 && length < LongestChunk)) continue;
            starts.Add(i + 1);
            positions.Add(offset);
        }
        return new TextChunks([.. starts], [.. positions]);
    }
}
