using System.Collections.Immutable;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// The definitions of one table dictionary as a <see cref="SetSnapshot"/>
/// keeps them, to tell whether a later dictionary holds the same pairs. The
/// binder keys each definition by its own id object and hands back the very
/// definition objects of an earlier binding, so most entries are settled by
/// reference (a reference hash, no structural hashing of the id): a
/// definition kept here, under a key that is its own id, is the pair kept
/// here under that key. Others are looked up by key and compared structurally.
/// With equal counts and distinct keys, every entry of the later dictionary
/// matching the pair under its key means the two hold the same pairs. The
/// lookups are made only when a dictionary of the kept count is compared.
/// </summary>
internal sealed class SnapshotEntries<TKey, TValue> where TKey : notnull where TValue : class
{
    private readonly ImmutableDictionary<TKey, TValue> entries;
    private readonly Func<TValue, TKey> idOf;
    private Dictionary<TKey, TValue>? byKey;
    private HashSet<TValue>? byReference;
    private bool keyedByOwnId;

    public SnapshotEntries(ImmutableDictionary<TKey, TValue> entries, Func<TValue, TKey> idOf)
    {
        this.entries = entries;
        this.idOf = idOf;
    }

    /// <summary>How many pairs were kept: a later dictionary of another count never holds the same pairs.</summary>
    public int Count => entries.Count;

    public bool SamePairs(ImmutableDictionary<TKey, TValue> now)
    {
        if (now.Count != entries.Count) return false;
        // The very dictionary (a bind taken whole hands back its table): the same pairs, nothing to look up.
        if (ReferenceEquals(now, entries)) return true;
        if (byKey is null) Index();
        foreach (var (key, value) in now)
        {
            if (keyedByOwnId && ReferenceEquals(key, idOf(value)) && byReference!.Contains(value)) continue;
            if (!byKey!.TryGetValue(key, out var then) || !(ReferenceEquals(value, then) || value.Equals(then))) return false;
        }
        return true;
    }

    /// <summary>
    /// The lookups, made the first time a dictionary of the same count is compared: a set build given
    /// other definitions (a config never seen, most often of another count) pays for no copy of the whole table.
    /// </summary>
    private void Index()
    {
        byKey = new Dictionary<TKey, TValue>(entries);
        byReference = new HashSet<TValue>(byKey.Count, ReferenceEqualityComparer.Instance);
        keyedByOwnId = true;
        foreach (var (key, value) in byKey)
        {
            byReference.Add(value);
            keyedByOwnId &= key.Equals(idOf(value));
        }
        // A definition object kept under two keys would make "kept here" ambiguous: settle every entry by key then.
        keyedByOwnId &= byReference.Count == byKey.Count;
    }
}
