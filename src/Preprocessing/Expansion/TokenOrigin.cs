namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// Where a token came from: a file (Pre-AST file id, or a negative id for a
/// generated header) and an offset in it; for a token a macro expansion
/// produced, <see cref="Offset"/> is in the macro's definition and
/// <see cref="ExpandedAt"/> is the origin of the macro name at the expansion
/// site (-1 for a token read straight from a file).
/// </summary>
public readonly record struct TokenOrigin(int File, int Offset, int ExpandedAt, string? Macro);

/// <summary>
/// The origins tokens refer to by index. Append-only: an index once given
/// stays valid. A run without a session has its own; a session's is an
/// interner (<see cref="OriginTable(bool)"/>): an origin met again in a later
/// run gets its old index, so the table grows with what is new, not per run,
/// and tokens a session replays keep valid origins.
/// </summary>
public sealed class OriginTable
{
    private readonly Dictionary<TokenOrigin, int>? _index;

    public OriginTable()
    {
    }

    /// <param name="intern">Give equal origins one index.</param>
    public OriginTable(bool intern)
    {
        if (intern) _index = [];
    }

    // Chunks, not one growing array: a run records millions of origins, and
    // regrowing one array would copy them again and again on the large-object heap.
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<TokenOrigin[]> _chunks = [];

    public int Count { get; private set; }

    public TokenOrigin this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public int Add(TokenOrigin origin)
    {
        if (_index is not null)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_index, origin, out var exists);
            if (exists) return slot;
            slot = Count;
        }
        var index = Count;
        if ((index & (ChunkSize - 1)) == 0) _chunks.Add(new TokenOrigin[ChunkSize]);
        _chunks[^1][index & (ChunkSize - 1)] = origin;
        Count++;
        return index;
    }

    /// <summary>The chain of expansion sites, innermost first, ending at the source position.</summary>
    public IEnumerable<TokenOrigin> Chain(int index)
    {
        for (var i = index; i >= 0 && i < Count; i = this[i].ExpandedAt)
        {
            yield return this[i];
        }
    }
}
