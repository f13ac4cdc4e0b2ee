namespace LayoutExpert.Incremental.Engine;

/// <summary>
/// One input or one memo inside a database: what a dependency list points at. Dependencies are
/// held as direct references, so verifying a memo walks objects without any table lookups.
/// </summary>
internal abstract class Slot
{
    /// <summary>Last revision in which the value changed (for memos: after early cutoff).</summary>
    internal long ChangedAt;

    /// <summary>For inputs, as set; for memos, the minimum over what the last run read.</summary>
    internal Durability Durability;

    /// <summary>
    /// Stamp of the last execution that recorded a read of this slot; lets a query that reads the
    /// same slot many times in a row record it once, without a set per execution.
    /// </summary>
    internal long RecordedBy;

    /// <summary>True while this memo is being computed or verified; seeing it again is a cycle.</summary>
    internal bool InProgress;

    /// <summary>
    /// Brings this slot up to date in the current revision (verifying or re-running a memo) and
    /// tells whether its value changed after <paramref name="revision"/>. Salsa calls this
    /// "maybe changed after".
    /// </summary>
    internal abstract bool ChangedAfter(long revision);

    /// <summary>The query and key, for dependency lists and error messages.</summary>
    internal abstract QueryKey Describe();
}
