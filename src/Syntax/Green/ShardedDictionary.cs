namespace LayoutExpert.Syntax.Green;

/// <summary>
/// A dictionary split into 256 by its keys' hash codes, so that no part grows
/// into the large object heap (85 KB): a cache of a kernel unit's hundred
/// thousand tokens in one dictionary is a few MB of entries, and each large
/// allocation counts towards full collections of a process holding a Pre-AST.
/// </summary>
internal sealed class ShardedDictionary<TKey, TValue>(IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private const int ShardBits = 8;
    private readonly Dictionary<TKey, TValue>?[] _shards = new Dictionary<TKey, TValue>?[1 << ShardBits];
    private readonly IEqualityComparer<TKey> _comparer = comparer ?? EqualityComparer<TKey>.Default;

    public int Count { get; private set; }

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_shards[ShardOf(key)] is { } shard) return shard.TryGetValue(key, out value!);
        value = default!;
        return false;
    }

    public void Add(TKey key, TValue value)
    {
        (_shards[ShardOf(key)] ??= new Dictionary<TKey, TValue>(_comparer)).Add(key, value);
        Count++;
    }

    /// <summary>The shard a key with this hash code lives in (for lookups by another representation of the key).</summary>
    public Dictionary<TKey, TValue>? ShardFor(int hashCode) => _shards[Mix(hashCode)];

    public Dictionary<TKey, TValue> ShardForAdding(int hashCode) => _shards[Mix(hashCode)] ??= new Dictionary<TKey, TValue>(_comparer);

    public void Added() => Count++;

    public void Clear()
    {
        Array.Clear(_shards);
        Count = 0;
    }

    private int ShardOf(TKey key) => Mix(_comparer.GetHashCode(key));

    /// <summary>The top bits of a multiplicative hash, so keys whose hash codes differ only in high or low bits still spread.</summary>
    private static int Mix(int hashCode) => (int)(((uint)hashCode * 0x9E3779B1u) >> (32 - ShardBits));
}
