namespace LayoutExpert.Incremental.Engine;

/// <summary>
/// The memo of one key of a derived query: value, verified-at, changed-at, durability and the
/// ordered dependencies of the last run.
/// </summary>
internal sealed class DerivedSlot<TKey, TValue>(DerivedStorage<TKey, TValue> storage, TKey key) : Slot where TKey : notnull
{
    internal readonly DerivedStorage<TKey, TValue> Storage = storage;
    internal readonly TKey Key = key;
    internal TValue Value = default!;

    /// <summary>Last revision in which the value was known current; 0 while there is no memo.</summary>
    internal long VerifiedAt;

    /// <summary>What the last run read, in the order it read it (consecutive repeats collapsed).</summary>
    internal Slot[] Dependencies = [];

    /// <summary>
    /// Set when the memo was swept out of its table. Readers may still hold this object in their
    /// dependency lists; they follow the key to the table's current slot instead.
    /// </summary>
    internal bool Detached;

    internal bool HasMemo => VerifiedAt != 0;

    internal override bool ChangedAfter(long revision) => Storage.ChangedAfter(this, revision);

    internal override QueryKey Describe() => new(Storage.Query, Key);

    /// <summary>Forgets the memo so its value and dependencies can be collected.</summary>
    internal void Detach()
    {
        Detached = true;
        VerifiedAt = 0;
        Value = default!;
        Dependencies = [];
    }
}
