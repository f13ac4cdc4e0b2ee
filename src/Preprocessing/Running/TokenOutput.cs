using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// The output of a run as it grows: tokens the run produces go into chunks of
/// its own (small enough to stay out of the large object heap), cut into
/// pieces where recordings start and stop; a replayed file run's recorded
/// pieces are appended by reference. Becomes a
/// <see cref="TokenSequence"/> at the end.
/// </summary>
internal sealed class TokenOutput
{
    /// <summary>2,048 tokens of 24 bytes: under the 85,000-byte large-object threshold.</summary>
    private const int ChunkSize = 2048;

    private readonly List<ArraySegment<PPToken>> _pieces = [];

    /// <summary>Where each closed piece starts in the output.</summary>
    private readonly List<int> _starts = [];

    private PPToken[] _chunk = new PPToken[ChunkSize];

    /// <summary>The open piece is <c>_chunk[_open.._used]</c>.</summary>
    private int _open;
    private int _used;

    public int Count { get; private set; }

    public void Add(in PPToken token)
    {
        if (_used == _chunk.Length)
        {
            ClosePiece();
            _chunk = new PPToken[ChunkSize];
            _open = _used = 0;
        }
        _chunk[_used++] = token;
        Count++;
    }

    /// <summary>Appends a piece of tokens nobody writes again (a replayed run's), without copying it.</summary>
    public void AddShared(ArraySegment<PPToken> tokens)
    {
        if (tokens.Count == 0) return;
        ClosePiece();
        _starts.Add(Count);
        _pieces.Add(tokens);
        Count += tokens.Count;
    }

    /// <summary>Appends the pieces of a replayed run's segment (see <see cref="AddShared(ArraySegment{PPToken})"/>); gives how many tokens they hold.</summary>
    public int AddShared(ArraySegment<PPToken>[] pieces)
    {
        if (pieces.Length == 0) return 0;
        ClosePiece();
        var added = 0;
        foreach (var piece in pieces)
        {
            if (piece.Count == 0) continue;
            _starts.Add(Count);
            _pieces.Add(piece);
            Count += piece.Count;
            added += piece.Count;
        }
        return added;
    }

    /// <summary>Ends the open piece here, so a recording that starts or stops here owns whole pieces; gives the position.</summary>
    public int Mark()
    {
        ClosePiece();
        return Count;
    }

    /// <summary>
    /// The pieces from <paramref name="start"/> up to <paramref name="end"/>,
    /// both positions <see cref="Mark"/>ed: shared, not copied. A session's
    /// recorded run holds the very pieces the output that recorded it holds,
    /// so what was made of that output (the parser's tokens) is found again
    /// when the run is replayed.
    /// </summary>
    public ArraySegment<PPToken>[] Pieces(int start, int end)
    {
        if (end <= start) return [];
        ClosePiece();
        var first = _starts.BinarySearch(start);
        if (first < 0) throw new InvalidOperationException($"token {start} does not start a piece");
        var last = first;
        while (last < _pieces.Count && _starts[last] < end) last++;
        if (_starts[last - 1] + _pieces[last - 1].Count != end) throw new InvalidOperationException($"token {end} does not end a piece");
        return [.. _pieces.GetRange(first, last - first)];
    }

    public TokenSequence ToSequence()
    {
        ClosePiece();
        return new TokenSequence(_pieces);
    }

    private void ClosePiece()
    {
        if (_used == _open) return;
        _starts.Add(Count - (_used - _open));
        _pieces.Add(new ArraySegment<PPToken>(_chunk, _open, _used - _open));
        _open = _used;
    }
}
