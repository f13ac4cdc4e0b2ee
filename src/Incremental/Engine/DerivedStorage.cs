using System.Collections.Immutable;

namespace LayoutExpert.Incremental.Engine;

/// <summary>
/// The memos of one derived query in one database, and the algorithm that keeps them current:
/// fetch, verify (O(1) by durability, else by walking dependencies in order), re-run, backdate.
/// </summary>
internal sealed class DerivedStorage<TKey, TValue>(DerivedQuery<TKey, TValue> query, Runtime runtime) : QueryStorage where TKey : notnull
{
    private readonly Dictionary<TKey, DerivedSlot<TKey, TValue>> _slots = new(query.KeyComparer);

    internal override Query Query => query;

    internal override int MemoCount => _slots.Count;

    /// <summary>The value of <paramref name="key"/> in the current revision, recorded as a read of the running query.</summary>
    internal TValue Fetch(TKey key)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new DerivedSlot<TKey, TValue>(this, key);
            _slots.Add(key, slot);
        }

        // Hot path: already current in this revision.
        if (slot.VerifiedAt == runtime.Current) Hits++;
        else Refresh(slot);

        runtime.RecordRead(slot);
        return slot.Value;
    }

    /// <summary>Dependency check used by readers that are verifying themselves.</summary>
    internal bool ChangedAfter(DerivedSlot<TKey, TValue> slot, long revision)
    {
        if (slot.Detached) slot = Live(slot.Key);
        if (slot.VerifiedAt != runtime.Current) Refresh(slot);
        return slot.ChangedAt > revision;
    }

    /// <summary>Makes the memo current: verify it if possible, else (re-)run the function.</summary>
    private void Refresh(DerivedSlot<TKey, TValue> slot)
    {
        if (slot.HasMemo && !slot.InProgress)
        {
            if (runtime.LastChangedAtOrAbove(slot.Durability) <= slot.VerifiedAt)
            {
                // Nothing at least as durable as anything this memo read has changed since it was verified.
                ShortcutVerifications++;
                slot.VerifiedAt = runtime.Current;
                return;
            }
            if (DependenciesUnchanged(slot))
            {
                slot.VerifiedAt = runtime.Current;
                return;
            }
        }
        Execute(slot);
    }

    /// <summary>
    /// Walks the dependencies in the order they were read and stops at the first that changed
    /// after the memo was verified. Stopping matters: the reads after a changed one may no longer
    /// happen when the function re-runs, so they must not be computed for nothing.
    /// </summary>
    private bool DependenciesUnchanged(DerivedSlot<TKey, TValue> slot)
    {
        DeepVerifications++;
        runtime.Enter(slot);
        try
        {
            var since = slot.VerifiedAt;
            foreach (var dependency in slot.Dependencies)
            {
                if (dependency.ChangedAfter(since)) return false;
            }
            return true;
        }
        finally
        {
            runtime.Leave(slot);
        }
    }

    private void Execute(DerivedSlot<TKey, TValue> slot)
    {
        Executions++;
        var frame = runtime.BeginExecution(slot);
        TValue value;
        var completed = false;
        // try/finally rather than catch/rethrow: a rethrow at every level of a deep nesting would
        // itself need stack while the exception is being dispatched.
        try
        {
            value = query.Compute(runtime.Context, slot.Key);
            completed = true;
        }
        finally
        {
            if (!completed) frame.Discard(); // Do not keep a failed run's reads alive until the frame is reused.
            runtime.EndExecution(slot);
        }

        var durability = frame.Durability;
        // Early cutoff (salsa's "backdating"): an equal value keeps its old changed-at, so readers
        // verified since then stay valid. Not when durability dropped: those readers recorded the
        // higher durability and would skip a later change of the less durable input they now depend on.
        if (slot.HasMemo && durability >= slot.Durability && query.ValueComparer.Equals(slot.Value, value))
        {
            Backdates++;
        }
        else
        {
            slot.Value = value;
            // The value is a function of what was read, so it has been this value since the latest of those changed.
            slot.ChangedAt = frame.MaxChangedAt;
        }
        slot.Durability = durability;
        slot.Dependencies = frame.TakeReads();
        slot.VerifiedAt = runtime.Current;
    }

    private DerivedSlot<TKey, TValue> Live(TKey key)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            slot = new DerivedSlot<TKey, TValue>(this, key);
            _slots.Add(key, slot);
        }
        return slot;
    }

    internal override MemoInfo? Inspect(object key)
    {
        if (key is not TKey typed || !_slots.TryGetValue(typed, out var slot) || !slot.HasMemo) return null;
        var dependencies = ImmutableArray.CreateBuilder<QueryKey>(slot.Dependencies.Length);
        foreach (var dependency in slot.Dependencies)
        {
            var described = dependency.Describe();
            if (!dependencies.Contains(described)) dependencies.Add(described);
        }
        return new MemoInfo(
            slot.Describe(),
            new Revision(slot.VerifiedAt),
            new Revision(slot.ChangedAt),
            slot.Durability,
            dependencies.ToImmutable());
    }

    internal override int DropMemosNotVerifiedSince(long revision)
    {
        var dropped = 0;
        foreach (var (key, slot) in _slots)
        {
            if (slot.VerifiedAt >= revision) continue;
            _slots.Remove(key); // Removing during enumeration is allowed for Dictionary.
            slot.Detach();
            dropped++;
        }
        if (dropped > _slots.Count) _slots.TrimExcess();
        return dropped;
    }
}
