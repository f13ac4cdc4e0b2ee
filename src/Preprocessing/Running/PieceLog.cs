using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// One <see cref="ParserInput"/> call's pieces in order: each piece (an array
/// stretch, compared by identity), where its tokens start in the parser's
/// input, whether its first token starts a line and its last one ends one,
/// its kept conversion and its last token as converted here. The next call
/// walks it alongside its own pieces: a piece that is the one after the last
/// matched takes all of that from here, reading neither the piece's tokens
/// nor its conversion (a flip's input is some 6,000 pieces, nearly all in the
/// last call's order), and runs of pieces that follow each other in both
/// calls become the <see cref="InputRepeats"/> the parser trusts instead of
/// comparing tokens. A piece's tokens are its array's, never written again,
/// and its conversion is a function of them (one <see cref="GreenNodeCache"/>),
/// except the last token, whose end of line the next piece decides: a piece
/// counts whole only when that agrees too.
/// <para>
/// The log is also the parser input's <see cref="IParserTokenSource"/>: the
/// parser asks for the pages it reads, written from the pieces' conversions
/// (each piece's kept interior, then its last token), and nothing else is
/// written. Valid while the cache keeps the log (its last
/// <see cref="ParserInputCache.KeepCalls"/> calls').
/// </para>
/// </summary>
internal sealed partial class PieceLog : IParserTokenSource
{
    /// <summary>Pieces of the previous call looked through past the expected one for a piece found elsewhere (what a flip drops is a few pieces).</summary>
    private const int ResyncWindow = 64;

    private ArraySegment<PPToken>[] _pieces = [];
    private int[] _starts = [];
    private bool[] _startsLine = [];
    private bool[] _endsLine = [];
    private ParserInputCache.Entry?[] _entries = [];
    private GreenToken?[] _lasts = [];

    /// <summary>Where each piece was in the previous call (-1: not there, or not found).</summary>
    private int[] _previousIndex = [];

    /// <summary>The previous call's log, walked alongside (null when none).</summary>
    private PieceLog? _previous;

    /// <summary>The previous call's piece expected next.</summary>
    private int _cursor;

    /// <summary>The previous call's pieces by identity, made only when a piece is found far from where expected.</summary>
    private Dictionary<ArraySegment<PPToken>, int>? _previousIndexOf;

    /// <summary>The piece the last <see cref="Fill"/> ended in: pages are mostly asked for front to back.</summary>
    private int _fillHint;

    private readonly List<int> _stretchStarts = [];
    private readonly List<int> _stretchPrevious = [];
    private readonly List<int> _stretchLengths = [];

    /// <summary>How many pieces are logged.</summary>
    public int Count { get; private set; }

    /// <summary>The kept conversion of piece <paramref name="index"/> (null when none).</summary>
    public ParserInputCache.Entry? EntryAt(int index) => _entries[index];

    public void Begin(int capacity, PieceLog? previous)
    {
        if (_pieces.Length < capacity)
        {
            _pieces = new ArraySegment<PPToken>[capacity];
            _starts = new int[capacity];
            _startsLine = new bool[capacity];
            _endsLine = new bool[capacity];
            _entries = new ParserInputCache.Entry?[capacity];
            _lasts = new GreenToken?[capacity];
            _previousIndex = new int[capacity];
        }
        Count = 0;
        _previous = previous;
        _cursor = 0;
        _previousIndexOf = null;
        _fillHint = 0;
        _stretchStarts.Clear();
        _stretchPrevious.Clear();
        _stretchLengths.Clear();
    }

    /// <summary>Lets go of the pieces (their arrays) and conversions once the log is no longer used.</summary>
    public void Forget()
    {
        Array.Clear(_pieces, 0, Count);
        Array.Clear(_entries, 0, Count);
        Array.Clear(_lasts, 0, Count);
        _previous = null;
        _previousIndexOf = null;
        Count = 0;
    }

    /// <summary>
    /// Logs <paramref name="piece"/>, at <paramref name="start"/>, when it is the
    /// previous call's piece expected next: its conversion and whether it starts
    /// a line are taken from there. False when it is not (then <see cref="Add"/> it).
    /// </summary>
    public bool AddExpected(ArraySegment<PPToken> piece, int start)
    {
        if (_previous is not { } previous || _cursor >= previous.Count || !Same(previous._pieces[_cursor], piece)) return false;
        var index = Count++;
        _pieces[index] = piece;
        _starts[index] = start;
        _startsLine[index] = previous._startsLine[_cursor];
        _entries[index] = previous._entries[_cursor];
        _previousIndex[index] = _cursor;
        _cursor++;
        return true;
    }

    /// <summary>
    /// Logs a piece not where the previous call's order expects it, with its
    /// conversion (null when none is kept); when that was kept before this call
    /// (<paramref name="seenBefore"/>), the walk goes on from where the previous call had the piece, if it did.
    /// </summary>
    public void Add(ArraySegment<PPToken> piece, int start, ParserInputCache.Entry? entry, bool seenBefore)
    {
        var index = Count++;
        _pieces[index] = piece;
        _starts[index] = start;
        _startsLine[index] = (piece[0].Flags & PPTokenFlags.StartOfLine) != 0;
        _entries[index] = entry;
        var at = seenBefore ? PreviousIndexOf(piece) : -1;
        _previousIndex[index] = at;
        if (at >= 0) _cursor = at + 1;
    }

    /// <summary>Where the previous call had <paramref name="piece"/> (-1: nowhere): just ahead of the cursor, else anywhere.</summary>
    private int PreviousIndexOf(ArraySegment<PPToken> piece)
    {
        if (_previous is not { } previous) return -1;
        var end = Math.Min(previous.Count, _cursor + ResyncWindow);
        for (var k = _cursor; k < end; k++)
        {
            if (Same(previous._pieces[k], piece)) return k;
        }
        if (_previousIndexOf is null)
        {
            _previousIndexOf = new Dictionary<ArraySegment<PPToken>, int>(previous.Count, ParserInputCache.SamePiece.Instance);
            for (var k = previous.Count - 1; k >= 0; k--) _previousIndexOf[previous._pieces[k]] = k;
        }
        return _previousIndexOf.TryGetValue(piece, out var found) ? found : -1;
    }

    /// <summary>
    /// Once every piece is logged: each one's end of line (the next piece
    /// decides it) and last token (the previous call's where it ended the same
    /// way there), the conversions of pieces not seen before (see
    /// <see cref="FinishRun"/>), and the stretches repeating the previous call's output.
    /// </summary>
    public void Finish(ParserInputCache memo)
    {
        var previous = _previous;
        for (var p = 0; p < Count; p++) _endsLine[p] = p + 1 == Count || _startsLine[p + 1];
        for (var p = 0; p < Count;)
        {
            var at = _previousIndex[p];
            if (at < 0)
            {
                // Pieces the previous call did not have here: converted, from its tokens where they repeat them.
                p = FinishRun(p, memo);
                continue;
            }
            var endsLine = _endsLine[p];
            var same = previous!._endsLine[at] == endsLine;
            _lasts[p] = same ? previous._lasts[at] : Last(p, endsLine, memo.Cache);
            Extend(_starts[p], previous._starts[at], same ? _pieces[p].Count : _pieces[p].Count - 1);
            p++;
        }
        // Walked: the older logs are let go of.
        _previous = null;
        _previousIndexOf = null;
    }

    /// <summary>The last token of piece <paramref name="p"/> ending a line or not: as converted before, else converted now.</summary>
    private GreenToken Last(int p, bool endsLine, GreenNodeCache cache)
    {
        var entry = _entries[p];
        if (entry?.Last(endsLine) is { } last) return last;
        last = ParserInput.ConvertLast(_pieces[p], endsLine, cache);
        entry?.SetLast(endsLine, last);
        return last;
    }

    /// <summary>Extends the stretches by <paramref name="length"/> tokens at <paramref name="start"/>, repeating the previous call's at <paramref name="previousStart"/>.</summary>
    private void Extend(int start, int previousStart, int length)
    {
        if (length == 0) return;
        var last = _stretchStarts.Count - 1;
        if (last >= 0 && _stretchStarts[last] + _stretchLengths[last] == start && _stretchPrevious[last] + _stretchLengths[last] == previousStart)
        {
            _stretchLengths[last] += length;
            return;
        }
        _stretchStarts.Add(start);
        _stretchPrevious.Add(previousStart);
        _stretchLengths.Add(length);
    }

    /// <summary>Writes the converted tokens <c>[start, start + count)</c>: of each piece there, the part of its interior and its last token.</summary>
    public void Fill(GreenToken[] buffer, int start, int count)
    {
        if (count <= 0) return;
        var end = start + count;
        if (start < 0 || Count == 0 || end > _starts[Count - 1] + _pieces[Count - 1].Count) throw new ArgumentOutOfRangeException(nameof(start), "outside the logged pieces");
        var p = PieceAt(start);
        for (var at = start; at < end; p++)
        {
            var pieceStart = _starts[p];
            var length = _pieces[p].Count;
            var from = at - pieceStart;
            var to = Math.Min(length, end - pieceStart);
            var interiorEnd = Math.Min(to, length - 1);
            if (from < interiorEnd) _entries[p]!.Tokens.AsSpan(from, interiorEnd - from).CopyTo(buffer.AsSpan(at));
            if (to == length) buffer[pieceStart + length - 1] = _lasts[p]!;
            at = pieceStart + to;
        }
        _fillHint = p - 1;
    }

    /// <summary>The piece holding token <paramref name="index"/> (pieces are not empty).</summary>
    private int PieceAt(int index)
    {
        var hint = _fillHint;
        // Front to back: the piece of the last fill or one of the next few.
        for (var steps = 0; hint < Count && steps < 4 && _starts[hint] <= index; hint++, steps++)
        {
            if (index < _starts[hint] + _pieces[hint].Count) return hint;
        }
        var k = Array.BinarySearch(_starts, 0, Count, index);
        return k >= 0 ? k : ~k - 1;
    }

    /// <summary>The stretches repeating the previous call's output, whose version is <paramref name="previousVersion"/>.</summary>
    public InputRepeats Repeats(object previousVersion) =>
        new(previousVersion, [.. _stretchStarts], [.. _stretchPrevious], [.. _stretchLengths]);

    private static bool Same(ArraySegment<PPToken> x, ArraySegment<PPToken> y) =>
        ReferenceEquals(x.Array, y.Array) && x.Offset == y.Offset && x.Count == y.Count;
}
