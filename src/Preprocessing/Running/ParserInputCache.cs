using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// <see cref="ParserInput"/>'s memory across calls with one
/// <see cref="GreenNodeCache"/>: for each piece of a
/// <see cref="TokenSequence"/> (a session's run records the very pieces of
/// the output that recorded it, and replays them run after run), its green
/// tokens but the last (whose end of line depends on what follows the piece).
/// The cache gives the same token object for the same kind, text and trivia
/// every time, so a kept conversion is the one a new conversion would make.
/// Pieces no call used in the last <see cref="KeepCalls"/> calls are
/// forgotten. Not thread-safe: one conversion at a time.
/// </summary>
/// <param name="keep">Whether to keep conversions at all: a single run's output is never seen again.</param>
public sealed class ParserInputCache(GreenNodeCache cache, bool keep = true)
{
    /// <summary>Calls an array may go unused and still be kept (a few configs flipped back and forth).</summary>
    public const int KeepCalls = 4;

    private readonly Dictionary<ArraySegment<PPToken>, Entry> _interiors = new(SamePiece.Instance);

    /// <summary>Pieces are the same when they are the same stretch of the same array (their tokens are never rewritten).</summary>
    private sealed class SamePiece : IEqualityComparer<ArraySegment<PPToken>>
    {
        public static readonly SamePiece Instance = new();

        public bool Equals(ArraySegment<PPToken> x, ArraySegment<PPToken> y) =>
            ReferenceEquals(x.Array, y.Array) && x.Offset == y.Offset && x.Count == y.Count;

        public int GetHashCode(ArraySegment<PPToken> piece) =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(piece.Array) * 31 + piece.Offset;
    }

    /// <summary>Whether conversions are kept (see the constructor).</summary>
    internal bool Keeps => keep;
    private int _calls;
    private int _usedThisCall;

    private sealed class Entry(GreenToken[] tokens)
    {
        public GreenToken[] Tokens { get; } = tokens;

        /// <summary>The lines of the interior's text, made when first asked for.</summary>
        public Lines? Lines { get; set; }

        public int LastUsed { get; set; }
    }

    /// <summary>Where lines start in an array's interior text (relative to its start, after the first), and that text's width.</summary>
    internal sealed record Lines(int[] Starts, int Width);

    /// <summary>How many lines the last <see cref="ParserInput.LineStarts"/> found (the next list starts that big).</summary>
    internal int LastLineCount { get; set; }

    /// <summary>The lines of a kept piece's interior (made once), or null when the piece is not kept.</summary>
    internal Lines? InteriorLines(ArraySegment<PPToken> tokens) =>
        _interiors.TryGetValue(tokens, out var entry) ? entry.Lines ??= ParserInput.InteriorLines(entry.Tokens) : null;

    public GreenNodeCache Cache { get; } = cache;

    private GreenToken[] _buffer = [];

    /// <summary>The buffer <see cref="ParserInput.Fill"/> writes, at least <paramref name="length"/> long (grown by a quarter more, so a few more tokens next time fit).</summary>
    internal GreenToken[] Buffer(int length)
    {
        if (_buffer.Length < length) _buffer = new GreenToken[length + length / 4];
        return _buffer;
    }

    /// <summary>How many pieces' conversions are kept.</summary>
    public int Count => _interiors.Count;

    /// <summary>The kept conversion of all but the last token of the piece <paramref name="tokens"/>, or null.</summary>
    internal GreenToken[]? Interior(ArraySegment<PPToken> tokens)
    {
        if (!_interiors.TryGetValue(tokens, out var entry)) return null;
        Use(entry);
        return entry.Tokens;
    }

    internal void Remember(ArraySegment<PPToken> tokens, ReadOnlySpan<GreenToken> interior)
    {
        var entry = new Entry(interior.ToArray());
        _interiors[tokens] = entry;
        Use(entry);
    }

    private void Use(Entry entry)
    {
        if (entry.LastUsed == _calls + 1) return;
        entry.LastUsed = _calls + 1;
        _usedThisCall++;
    }

    /// <summary>Ends a conversion: forgets pieces none of the last <see cref="KeepCalls"/> used, when they are many.</summary>
    internal void EndCall()
    {
        _calls++;
        var used = _usedThisCall;
        _usedThisCall = 0;
        if (_interiors.Count <= 2 * used + 64) return;
        var oldest = _calls - KeepCalls + 1;
        foreach (var (tokens, entry) in _interiors)
        {
            if (entry.LastUsed < oldest) _interiors.Remove(tokens);
        }
    }
}
