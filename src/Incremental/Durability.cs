namespace LayoutExpert.Incremental;

/// <summary>
/// How rarely an input is expected to change. Every input carries one; every memo gets the
/// lowest durability among everything it read (directly or through other memos).
/// </summary>
/// <remarks>
/// The database remembers, for each level, the last revision in which an input of that level or
/// a higher one changed. A memo of durability <c>D</c> verified at revision <c>V</c> is still
/// valid when no input of durability <c>D</c> or above changed after <c>V</c>: every input it
/// read is at least that durable, so none of them can have changed. That test is one array read
/// and one compare, which is what lets a memo built only from kernel headers (High) survive a
/// change of a config option (Low) without walking its dependencies. This is the durability
/// optimisation of the salsa framework.
/// </remarks>
public enum Durability
{
    /// <summary>Changes often, e.g. a kernel config option between configs.</summary>
    Low = 0,

    /// <summary>Changes sometimes.</summary>
    Medium = 1,

    /// <summary>Practically never changes within a run, e.g. the text of a kernel header.</summary>
    High = 2,
}
