namespace LayoutExpert.Incremental.Engine;

/// <summary>One key of an input query.</summary>
internal sealed class InputSlot<TKey, TValue>(InputQuery<TKey, TValue> query, TKey key) : Slot where TKey : notnull
{
    internal readonly TKey Key = key;
    internal TValue Value = default!;

    /// <summary>False for a never-set key without a default: reading it throws, but is recorded.</summary>
    internal bool HasValue;

    internal override bool ChangedAfter(long revision) => ChangedAt > revision;

    internal override QueryKey Describe() => new(query, Key);
}
