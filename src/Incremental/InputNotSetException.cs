namespace LayoutExpert.Incremental;

/// <summary>
/// An input that was never set, and whose <see cref="InputQuery{TKey, TValue}"/> declares no
/// default, was read. The read is still recorded as a dependency of the reading query, so setting
/// the input later invalidates a query that caught this exception.
/// </summary>
public sealed class InputNotSetException : IncrementalException
{
    internal InputNotSetException(QueryKey input)
        : base($"Input {input} was read but never set, and '{input.QueryName}' declares no default.")
    {
        Input = input;
    }

    /// <summary>The input that was read.</summary>
    public QueryKey Input { get; }
}
