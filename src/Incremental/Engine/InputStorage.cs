namespace LayoutExpert.Incremental.Engine;

/// <summary>The keys of one input query set in one database. Inputs are never swept.</summary>
internal sealed class InputStorage<TKey, TValue>(InputQuery<TKey, TValue> query, Runtime runtime) : QueryStorage where TKey : notnull
{
    private readonly Dictionary<TKey, InputSlot<TKey, TValue>> _slots = new(query.KeyComparer);

    internal override Query Query => query;

    internal override int MemoCount => 0;

    internal TValue Read(TKey key)
    {
        if (!_slots.TryGetValue(key, out var slot)) slot = AddNeverSet(key);
        Hits++;
        // Recorded even when it throws below, so a reader that catches the error is still invalidated by a later set.
        runtime.RecordRead(slot);
        if (!slot.HasValue) throw new InputNotSetException(slot.Describe());
        return slot.Value;
    }

    internal void Set(TKey key, TValue value, Durability durability)
    {
        DurabilityLevels.Validate(durability);
        if (runtime.IsBusy)
            throw new QueryUsageException($"Input '{query.Name}' cannot be set while a query is running or being verified.");

        if (!_slots.TryGetValue(key, out var slot))
        {
            // Nobody has read this key (a read would have created the slot), so no memo can be invalidated.
            slot = new InputSlot<TKey, TValue>(query, key);
            _slots.Add(key, slot);
            Store(slot, value, durability, runtime.NewRevision(invalidatedUpTo: null));
            return;
        }

        if (slot.HasValue && slot.Durability == durability && query.ValueComparer.Equals(slot.Value, value))
            return; // Same value, same durability: nothing any reader saw has changed.

        // Readers have durability at most the old one; bump the new one too so the rule stays simple.
        var invalidated = slot.Durability > durability ? slot.Durability : durability;
        Store(slot, value, durability, runtime.NewRevision(invalidated));
    }

    internal override MemoInfo? Inspect(object key)
    {
        if (key is not TKey typed || !_slots.TryGetValue(typed, out var slot)) return null;
        var current = new Revision(runtime.Current);
        return new MemoInfo(slot.Describe(), current, new Revision(slot.ChangedAt), slot.Durability, []);
    }

    internal override int DropMemosNotVerifiedSince(long revision) => 0;

    private static void Store(InputSlot<TKey, TValue> slot, TValue value, Durability durability, long revision)
    {
        slot.Value = value;
        slot.HasValue = true;
        slot.Durability = durability;
        slot.ChangedAt = revision;
    }

    private InputSlot<TKey, TValue> AddNeverSet(TKey key)
    {
        // A never-set key has conceptually held its default (or its absence) since the first revision.
        var slot = new InputSlot<TKey, TValue>(query, key) { ChangedAt = Revision.First.Number };
        if (query.DefaultValue is { } defaultValue)
        {
            slot.Value = defaultValue(key);
            slot.HasValue = true;
            slot.Durability = query.DefaultDurability;
        }
        else
        {
            slot.Durability = Durability.Low;
        }
        _slots.Add(key, slot);
        return slot;
    }
}
