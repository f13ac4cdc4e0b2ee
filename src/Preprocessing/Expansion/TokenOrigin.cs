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
    // Chunks, not one growing array: a run records millions of origins, and
    // regrowing one array would copy them again and again on the large-object heap.
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<TokenOrigin[]> _chunks = [];

    // The interner's index: open addressing over the origins themselves (slot = index + 1, 0 = empty),
    // so it costs one int per slot and no copy of the keys.
    private int[]? _slots;
    private int _interned;

    public OriginTable()
    {
    }

    /// <param name="intern">Give equal origins one index.</param>
    public OriginTable(bool intern)
    {
        if (intern) _slots = new int[ChunkSize];
    }

    public int Count { get; private set; }

    public TokenOrigin this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public int Add(TokenOrigin origin)
    {
        if (_slots is null) return Append(origin);
        var mask = _slots.Length - 1;
        var i = Hash(origin) & mask;
        for (var slot = _slots[i]; slot != 0; slot = _slots[i])
        {
            ref readonly var known = ref _chunks[(slot - 1) >> ChunkBits][(slot - 1) & (ChunkSize - 1)];
            if (known.Offset == origin.Offset && known.ExpandedAt == origin.ExpandedAt && known.File == origin.File
                && (ReferenceEquals(known.Macro, origin.Macro) || string.Equals(known.Macro, origin.Macro, StringComparison.Ordinal)))
            {
                return slot - 1;
            }
            i = (i + 1) & mask;
        }
        var index = Append(origin);
        _slots[i] = index + 1;
        if (++_interned * 2 > _slots.Length) Rehash(_slots.Length * 2);
        return index;
    }

    /// <summary>
    /// A fresh index, never interned: for origins their maker keeps itself (a
    /// session's file tokens by text run, expansions by definition and site:
    /// see <see cref="ExpansionOrigins"/>), so each is made once per session
    /// without hashing every token.
    /// </summary>
    public int Append(TokenOrigin origin)
    {
        var index = Count;
        if ((index & (ChunkSize - 1)) == 0) _chunks.Add(new TokenOrigin[ChunkSize]);
        _chunks[^1][index & (ChunkSize - 1)] = origin;
        Count++;
        return index;
    }

    private void Rehash(int size)
    {
        // Only interned origins are in the index: re-insert them from the old slots, not every origin appended.
        var slots = new int[size];
        var mask = size - 1;
        foreach (var slot in _slots!)
        {
            if (slot == 0) continue;
            var i = Hash(this[slot - 1]) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        _slots = slots;
    }

    /// <summary>The position and expansion site decide an origin; the macro name nearly never tells two apart, so it is compared but not hashed.</summary>
    private static int Hash(TokenOrigin origin)
    {
        var h = unchecked((uint)origin.File * 0x9E3779B1u ^ (uint)origin.Offset * 0x85EBCA77u ^ (uint)origin.ExpandedAt * 0xC2B2AE3Du);
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        return (int)(h & 0x7fffffff);
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
