namespace LayoutExpert.Incremental;

/// <summary>
/// Queries nested so deeply (each computing or verifying the next) that the thread's stack is
/// nearly exhausted. Raised instead of letting the process die of a stack overflow.
/// </summary>
public sealed class QueryTooDeepException : IncrementalException
{
    internal QueryTooDeepException(int depth, QueryKey innermost)
        : base($"Queries nested {depth} deep (innermost {innermost}) exhausted the stack.")
    {
        Depth = depth;
        Innermost = innermost;
    }

    /// <summary>How many memos were being computed or verified at once.</summary>
    public int Depth { get; }

    /// <summary>The memo that could not be entered.</summary>
    public QueryKey Innermost { get; }
}
