using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// The output of a run as it grows: tokens the run produces go into chunks of
/// its own (small enough to stay out of the large object heap), a replayed
/// file run's recorded arrays are appended by reference. Becomes a
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

    /// <summary>Appends <paramref name="tokens"/>, which nobody writes again, without copying them.</summary>
    public void AddShared(PPToken[] tokens)
    {
        if (tokens.Length == 0) return;
        ClosePiece();
        _starts.Add(Count);
        _pieces.Add(new ArraySegment<PPToken>(tokens));
        Count += tokens.Length;
    }

    /// <summary>A copy of the tokens from <paramref name="start"/> up to <paramref name="end"/>.</summary>
    public PPToken[] Copy(int start, int end)
    {
        if (end <= start) return [];
        ClosePiece();
        var copy = new PPToken[end - start];
        var piece = _starts.BinarySearch(start);
        if (piece < 0) piece = ~piece - 1;
        for (var at = start; at < end; piece++)
        {
            var segment = _pieces[piece];
            var from = at - _starts[piece];
            var length = Math.Min(segment.Count - from, end - at);
            segment.AsSpan(from, length).CopyTo(copy.AsSpan(at - start));
            at += length;
        }
        return copy;
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
