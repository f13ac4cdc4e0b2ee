namespace LayoutExpert.Incremental.Engine;

/// <summary>One query's table of inputs or memos inside one database, with its counters.</summary>
internal abstract class QueryStorage
{
    internal long Executions;
    internal long Hits;
    internal long DeepVerifications;
    internal long ShortcutVerifications;
    internal long Backdates;

    internal abstract Query Query { get; }

    /// <summary>Memos currently held (0 for inputs).</summary>
    internal abstract int MemoCount { get; }

    internal abstract MemoInfo? Inspect(object key);

    /// <summary>Drops memos last verified before <paramref name="revision"/>; returns how many.</summary>
    internal abstract int DropMemosNotVerifiedSince(long revision);

    internal QueryCounters Counters => new(Executions, Hits, DeepVerifications, ShortcutVerifications, Backdates);

    internal void ResetCounters()
    {
        Executions = Hits = DeepVerifications = ShortcutVerifications = Backdates = 0;
    }
}
