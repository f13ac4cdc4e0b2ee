namespace LayoutExpert.Incremental;

/// <summary>Work counters of one query (or of all queries) since the database was created or reset.</summary>
/// <param name="Executions">Times the function ran (0 for inputs).</param>
/// <param name="Hits">
/// Fetches that found the memo already current in this revision and did no work; for inputs,
/// every read.
/// </param>
/// <param name="DeepVerifications">Times a memo was verified by walking its dependencies.</param>
/// <param name="ShortcutVerifications">Times a memo was verified in O(1) because its durability level had not changed.</param>
/// <param name="Backdates">Re-runs that produced an equal value and so kept the old changed-at (early cutoff).</param>
public readonly record struct QueryCounters(
    long Executions,
    long Hits,
    long DeepVerifications,
    long ShortcutVerifications,
    long Backdates)
{
    public static QueryCounters operator +(QueryCounters left, QueryCounters right) => new(
        left.Executions + right.Executions,
        left.Hits + right.Hits,
        left.DeepVerifications + right.DeepVerifications,
        left.ShortcutVerifications + right.ShortcutVerifications,
        left.Backdates + right.Backdates);
}
