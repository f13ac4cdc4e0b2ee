using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// One <see cref="ParserInput"/> call's pieces in order: each piece (an array
/// stretch, compared by identity), where its tokens start in the parser's
/// input, whether its last token ended a line, and its kept conversion. The
/// next call walks it alongside its own pieces: a piece that is the one after
/// the last matched is found with no lookup, and runs of pieces that follow
/// each other in both calls become the <see cref="InputRepeats"/> the parser
/// trusts instead of comparing tokens. A piece's tokens are its array's,
/// never written again, and its conversion is a function of them (one
/// <see cref="Syntax.Green.GreenNodeCache"/>), except the last token, whose
/// end of line the next piece decides: a piece counts whole only when that
/// agrees too.
/// <para>
/// The log is also the parser input's <see cref="IParserTokenSource"/>: the
/// parser asks for the pages it reads, written from the pieces' conversions
/// (each piece's kept interior, then its last token as it ends here), and
/// nothing else is written. Valid while the log is the call's or the last
/// call's (until the call after next).
/// </para>
/// </summary>
internal sealed class PieceLog : IParserTokenSource
{
    private ArraySegment<PPToken>[] _pieces = [];
    private int[] _starts = [];
    private bool[] _endsLine = [];
    private ParserInputCache.Entry?[] _entries = [];
    private GreenToken?[] _lasts = [];

    /// <summary>The piece the last <see cref="Fill"/> ended in: pages are mostly asked for front to back.</summary>
    private int _fillHint;

    /// <summary>The previous call's log, walked alongside (null when none).</summary>
    private PieceLog? _previous;

    /// <summary>The previous call's piece expected next.</summary>
    private int _cursor;

    /// <summary>The current piece's kept conversion and where the previous call had that piece (-1: not known), as found.</summary>
    private ParserInputCache.Entry? _entry;
    private int _resync = -1;

    private readonly List<int> _stretchStarts = [];
    private readonly List<int> _stretchPrevious = [];
    private readonly List<int> _stretchLengths = [];

    /// <summary>How many pieces are logged.</summary>
    public int Count { get; private set; }

    public void Begin(int capacity, PieceLog? previous)
    {
        if (_pieces.Length < capacity)
        {
            _pieces = new ArraySegment<PPToken>[capacity];
            _starts = new int[capacity];
            _endsLine = new bool[capacity];
            _entries = new ParserInputCache.Entry?[capacity];
            _lasts = new GreenToken?[capacity];
        }
        _fillHint = 0;
        Count = 0;
        _previous = previous;
        _cursor = 0;
        _entry = null;
        _resync = -1;
        _stretchStarts.Clear();
        _stretchPrevious.Clear();
        _stretchLengths.Clear();
    }

    /// <summary>Lets go of the pieces (their arrays) and conversions once the log is no longer walked.</summary>
    public void Forget()
    {
        Array.Clear(_pieces, 0, Count);
        Array.Clear(_entries, 0, Count);
        Array.Clear(_lasts, 0, Count);
        _previous = null;
        Count = 0;
    }

    /// <summary>True when <paramref name="piece"/> is the previous call's piece expected next; <paramref name="entry"/> is then its conversion there (null: none kept).</summary>
    public bool Expected(ArraySegment<PPToken> piece, out ParserInputCache.Entry? entry)
    {
        entry = null;
        if (_previous is not { } previous || _cursor >= previous.Count || !Same(previous._pieces[_cursor], piece)) return false;
        entry = previous._entries[_cursor];
        return true;
    }

    /// <summary>The current piece's conversion, and its index in the previous call (-1 when not known).</summary>
    public void Found(int previousIndex, ParserInputCache.Entry entry)
    {
        _resync = previousIndex;
        _entry = entry;
    }

    /// <summary>Logs the current piece, converted at <paramref name="start"/> (its last token <paramref name="lastToken"/>), and extends the stretches it repeats.</summary>
    public void Add(ArraySegment<PPToken> piece, int start, bool endsLine, GreenToken lastToken)
    {
        var index = Count++;
        _pieces[index] = piece;
        _starts[index] = start;
        _endsLine[index] = endsLine;
        _entries[index] = _entry;
        _lasts[index] = lastToken;
        var resync = _resync;
        _entry = null;
        _resync = -1;
        if (_previous is not { } previous) return;
        var at = -1;
        if (_cursor < previous.Count && Same(previous._pieces[_cursor], piece)) at = _cursor;
        else if (resync >= 0 && resync < previous.Count && Same(previous._pieces[resync], piece)) at = resync;
        if (at < 0) return;
        _cursor = at + 1;
        // The last token is the same object only when it ends a line in both or in neither.
        var length = previous._endsLine[at] == endsLine ? piece.Count : piece.Count - 1;
        if (length == 0) return;
        var previousStart = previous._starts[at];
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
        var end = start + count;
        if (count <= 0) return;
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
