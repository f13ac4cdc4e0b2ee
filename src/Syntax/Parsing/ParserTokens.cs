using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// The parser's input as the first <see cref="Count"/> tokens of an array: the
/// last of them an end-of-file token, none before it (the shape the parser
/// would otherwise make by copying). So a caller that builds its input into
/// the same buffer every time (a config flip's million tokens) neither
/// allocates nor copies it; <see cref="CParser"/> reads it only during the parse.
/// With a <see cref="Source"/> the buffer is written only where read: the
/// parser fills each page through it before reading there.
/// </summary>
public readonly struct ParserTokens
{
    public ParserTokens(GreenToken[] buffer, int count)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, buffer.Length);
        if (buffer[count - 1].Kind != SyntaxKind.EndOfFileToken) throw new ArgumentException("the input must end with an end-of-file token", nameof(buffer));
        Buffer = buffer;
        Count = count;
    }

    public GreenToken[] Buffer { get; }

    public int Count { get; }

    /// <summary>Every token (a lazy input is filled whole first).</summary>
    public ReadOnlySpan<GreenToken> AsSpan()
    {
        Source?.Fill(Buffer, 0, Count - 1);
        return Buffer.AsSpan(0, Count);
    }

    /// <summary>
    /// Where the tokens before the end-of-file token come from when the buffer
    /// is filled lazily (null: the buffer holds them all). Until filled, a
    /// page of the buffer holds anything (an earlier input's tokens).
    /// </summary>
    public IParserTokenSource? Source { get; init; }

    /// <summary>
    /// An identity of this input's contents (compared by reference), for the
    /// next input's <see cref="InputRepeats.Previous"/>; null when none is kept.
    /// </summary>
    public object? Version { get; init; }

    /// <summary>Where this input repeats the one before (see <see cref="InputRepeats"/>); null when not known.</summary>
    public InputRepeats? Repeats { get; init; }
}
