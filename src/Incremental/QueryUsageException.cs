namespace LayoutExpert.Incremental;

/// <summary>
/// The engine was used in a way it does not allow, e.g. setting an input from inside a query
/// function, two different queries with one name in one database, or asking for the
/// dependencies of a memo that does not exist.
/// </summary>
public sealed class QueryUsageException : IncrementalException
{
    internal QueryUsageException(string message) : base(message) { }
}
