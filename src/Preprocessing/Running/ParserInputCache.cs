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

    internal sealed class Entry(GreenToken[] tokens)
    {
        public GreenToken[] Tokens { get; } = tokens;

        /// <summary>Where the piece was in the last call that used it (see <see cref="LastUsed"/>).</summary>
        public int Index { get; set; }

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

    /// <summary>
    /// The kept conversion of all but the last token of the piece <paramref name="tokens"/>, or null.
    /// With a <paramref name="log"/>, a piece that follows the last call's order is found without a lookup.
    /// </summary>
    internal Entry? Interior(ArraySegment<PPToken> tokens, PieceLog? log)
    {
        Entry? entry;
        if (log?.Expected(tokens, out var expected) == true) entry = expected ?? (tokens.Count > 1 ? Find(tokens) : null);
        else entry = Find(tokens);
        if (entry is null) return null;
        // Where the last call had it (read before this call's use rewrites it): the place to walk on from.
        log?.Found(entry.LastUsed == _calls ? entry.Index : -1, entry);
        Use(entry);
        if (log is not null) entry.Index = log.Count;
        return entry;
    }

    private Entry? Find(ArraySegment<PPToken> tokens) => _interiors.GetValueOrDefault(tokens);

    /// <summary>Keeps <paramref name="interior"/> (the array itself) as the conversion of all but the last token of <paramref name="tokens"/>.</summary>
    internal Entry Remember(ArraySegment<PPToken> tokens, GreenToken[] interior, PieceLog? log)
    {
        var entry = new Entry(interior);
        _interiors[tokens] = entry;
        log?.Found(-1, entry);
        Use(entry);
        if (log is not null) entry.Index = log.Count;
        return entry;
    }

    /// <summary>The last call's piece log (null when it kept none).</summary>
    private PieceLog? _lastLog;

    /// <summary>A log from two calls ago, for reuse.</summary>
    private PieceLog? _spareLog;

    /// <summary>The version of the last call's output (a new object per call that kept its pieces; else null).</summary>
    public object? Version { get; private set; }

    /// <summary>Where the last call's output repeats the call's before (null when not known).</summary>
    public InputRepeats? Repeats { get; private set; }

    /// <summary>Starts logging a call's <paramref name="count"/> pieces (null when conversions are not kept).</summary>
    internal PieceLog? BeginPieces(int count)
    {
        if (!keep) return null;
        var log = _spareLog ?? new PieceLog();
        _spareLog = null;
        log.Begin(count, _lastLog);
        return log;
    }

    /// <summary>Ends a call's log: it becomes the one the next call walks.</summary>
    internal void EndPieces(PieceLog? log)
    {
        var previous = Version;
        Repeats = log is not null && previous is not null && _lastLog is not null ? log.Repeats(previous) : null;
        Version = log is null ? null : new object();
        _spareLog = _lastLog;
        _spareLog?.Forget();
        _lastLog = log;
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
