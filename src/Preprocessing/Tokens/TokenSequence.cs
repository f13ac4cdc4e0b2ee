using System.Collections;

namespace LayoutExpert.Preprocessing.Tokens;

/// <summary>
/// A run's output as a list of pieces, each a stretch of an array that is
/// never written again (the array may go on past it). A session's replayed file runs are pieces of their
/// recorded arrays, shared rather than copied: a unit of a million tokens
/// replayed after a config flip is a few thousand references, not 24 MB moved
/// (and no large-object-heap array per run). Consumers that go piece by piece
/// (<see cref="Pieces"/>) see which stretches are the same arrays as last time
/// (<see cref="Running.ParserInput"/> keeps its conversion of those).
/// Indexing finds the piece by binary search (remembering the last one, so a
/// front-to-back walk is a step per piece).
/// </summary>
/// <remarks>It is also a read-only <see cref="IList{T}"/>, so LINQ's Skip, ElementAt and Last index instead of enumerating from the start.</remarks>
public sealed class TokenSequence : IReadOnlyList<PPToken>, IList<PPToken>
{
    private readonly ArraySegment<PPToken>[] _pieces;

    /// <summary>Where each piece starts in the sequence.</summary>
    private readonly int[] _starts;

    /// <summary>The piece the last index fell in (a hint only: any value is correct).</summary>
    private int _lastPiece;

    public TokenSequence(IEnumerable<ArraySegment<PPToken>> pieces)
    {
        _pieces = [.. pieces.Where(p => p.Count > 0)];
        _starts = new int[_pieces.Length];
        var count = 0;
        for (var i = 0; i < _pieces.Length; i++)
        {
            _starts[i] = count;
            count += _pieces[i].Count;
        }
        Count = count;
    }

    public static TokenSequence Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The pieces in order, none empty.</summary>
    public ReadOnlySpan<ArraySegment<PPToken>> Pieces => _pieces;

    public PPToken this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            var piece = _lastPiece;
            if (index < _starts[piece] || index - _starts[piece] >= _pieces[piece].Count)
            {
                piece = Array.BinarySearch(_starts, index);
                if (piece < 0) piece = ~piece - 1;
                _lastPiece = piece;
            }
            return _pieces[piece].Array![_pieces[piece].Offset + index - _starts[piece]];
        }
    }

    public void CopyTo(Span<PPToken> destination)
    {
        var at = 0;
        foreach (var piece in _pieces)
        {
            piece.AsSpan().CopyTo(destination[at..]);
            at += piece.Count;
        }
    }

    public PPToken[] ToArray()
    {
        var array = new PPToken[Count];
        CopyTo(array);
        return array;
    }

    public bool IsReadOnly => true;

    PPToken IList<PPToken>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    public int IndexOf(PPToken item)
    {
        var at = 0;
        foreach (var piece in _pieces)
        {
            var found = piece.AsSpan().IndexOf(item);
            if (found >= 0) return at + found;
            at += piece.Count;
        }
        return -1;
    }

    public bool Contains(PPToken item) => IndexOf(item) >= 0;

    public void CopyTo(PPToken[] array, int arrayIndex) => CopyTo(array.AsSpan(arrayIndex));

    void IList<PPToken>.Insert(int index, PPToken item) => throw ReadOnly();

    void IList<PPToken>.RemoveAt(int index) => throw ReadOnly();

    void ICollection<PPToken>.Add(PPToken item) => throw ReadOnly();

    void ICollection<PPToken>.Clear() => throw ReadOnly();

    bool ICollection<PPToken>.Remove(PPToken item) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("a token sequence is read-only");

    public IEnumerator<PPToken> GetEnumerator()
    {
        foreach (var piece in _pieces)
        {
            for (var i = 0; i < piece.Count; i++) yield return piece.Array![piece.Offset + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
