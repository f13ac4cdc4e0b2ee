using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

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
/// <para>
/// Each call also logs its pieces (<see cref="PieceLog"/>): the next call
/// walks the same pieces in the same order (by identity, no hashing), and
/// tells the parser where its input repeats this one's
/// (<see cref="Repeats"/>, against <see cref="Version"/>).
/// </para>
/// </summary>
/// <param name="keep">Whether to keep conversions at all: a single run's output is never seen again.</param>
public sealed class ParserInputCache(GreenNodeCache cache, bool keep = true)
{
    /// <summary>Calls an array may go unused and still be kept (a few configs flipped back and forth).</summary>
    public const int KeepCalls = 4;

    private readonly Dictionary<ArraySegment<PPToken>, Entry> _interiors = new(SamePiece.Instance);

    /// <summary>Pieces are the same when they are the same stretch of the same array (their tokens are never rewritten).</summary>
    internal sealed class SamePiece : IEqualityComparer<ArraySegment<PPToken>>
    {
        public static readonly SamePiece Instance = new();

        public bool Equals(ArraySegment<PPToken> x, ArraySegment<PPToken> y) =>
            ReferenceEquals(x.Array, y.Array) && x.Offset == y.Offset && x.Count == y.Count;

        public int GetHashCode(ArraySegment<PPToken> piece) =>
            System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(piece.Array) * 31 + piece.Offset;
    }

    /// <summary>Whether conversions are kept (see the constructor).</summary>
    internal bool Keeps => keep;

    internal sealed class Entry(GreenToken[] tokens)
    {
        public GreenToken[] Tokens { get; } = tokens;

        private GreenToken? _lastOpen;
        private GreenToken? _lastEndingLine;

        /// <summary>The piece's last token as converted before, ending a line or not (null until converted).</summary>
        public GreenToken? Last(bool endsLine) => endsLine ? _lastEndingLine : _lastOpen;

        public GreenToken SetLast(bool endsLine, GreenToken token)
        {
            if (endsLine) _lastEndingLine = token;
            else _lastOpen = token;
            return token;
        }

        /// <summary>The lines of the interior's text, made when first asked for.</summary>
        public Lines? Lines { get; set; }
    }

    /// <summary>Where lines start in an array's interior text (relative to its start, after the first), and that text's width.</summary>
    internal sealed record Lines(int[] Starts, int Width);

    /// <summary>How many lines the last <see cref="ParserInput.LineStarts"/> found (the next list starts that big).</summary>
    internal int LastLineCount { get; set; }

    /// <summary>The lines of a kept piece's interior (made once), or null when the piece is not kept.</summary>
    internal Lines? InteriorLines(ArraySegment<PPToken> tokens) =>
        _interiors.TryGetValue(tokens, out var entry) ? entry.Lines ??= ParserInput.InteriorLines(entry.Tokens) : null;

    public GreenNodeCache Cache { get; } = cache;

    /// <summary>Matches new pieces' tokens with the last call's (see <see cref="PieceLog"/>); its buffers are kept for the next call.</summary>
    internal RunMatcher RunMatcher { get; } = new();

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
    internal Entry? Find(ArraySegment<PPToken> tokens) => _interiors.GetValueOrDefault(tokens);

    /// <summary>Keeps <paramref name="interior"/> (the array itself) as the conversion of all but the last token of <paramref name="tokens"/>.</summary>
    internal Entry Remember(ArraySegment<PPToken> tokens, GreenToken[] interior)
    {
        var entry = new Entry(interior);
        _interiors[tokens] = entry;
        return entry;
    }

    /// <summary>The last <see cref="KeepCalls"/> calls' piece logs, newest last (null for a call that kept none): a conversion none of them holds is no longer used.</summary>
    private readonly Queue<PieceLog?> _logs = new();

    /// <summary>The last call's piece log (null when it kept none).</summary>
    private PieceLog? LastLog => _logs.Count == 0 ? null : _logs.Last();

    /// <summary>The version of the last call's output (a new object per call that kept its pieces; else null).</summary>
    public object? Version { get; private set; }

    /// <summary>Where the last call's output repeats the call's before (null when not known).</summary>
    public InputRepeats? Repeats { get; private set; }

    /// <summary>Starts logging a call's <paramref name="count"/> pieces (null when conversions are not kept).</summary>
    internal PieceLog? BeginPieces(int count)
    {
        if (!keep) return null;
        // The oldest log is let go of (its call is past the kept ones) and written again.
        var log = _logs.Count == KeepCalls ? _logs.Dequeue() : null;
        log?.Forget();
        log ??= new PieceLog();
        log.Begin(count, LastLog);
        return log;
    }

    /// <summary>Ends a call's log: it becomes the one the next call walks (and the input's source until then).</summary>
    internal void EndPieces(PieceLog? log)
    {
        var previous = Version;
        Repeats = log is not null && previous is not null && LastLog is not null ? log.Repeats(previous) : null;
        Version = log is null ? null : new object();
        if (log is null && _logs.Count == KeepCalls) _logs.Dequeue()?.Forget();
        _logs.Enqueue(log);
    }

    /// <summary>Ends a conversion: forgets the pieces none of the last <see cref="KeepCalls"/> calls used, when they are many.</summary>
    internal void EndCall()
    {
        var used = LastLog?.Count ?? 0;
        if (_interiors.Count <= 2 * used + 64) return;
        var kept = new HashSet<Entry>(ReferenceEqualityComparer.Instance);
        foreach (var log in _logs)
        {
            if (log is null) continue;
            for (var p = 0; p < log.Count; p++)
            {
                if (log.EntryAt(p) is { } entry) kept.Add(entry);
            }
        }
        foreach (var (tokens, entry) in _interiors)
        {
            if (!kept.Contains(entry)) _interiors.Remove(tokens);
        }
    }
}
