namespace LayoutExpert.Incremental;

/// <summary>
/// What a query function reads through. Every read is recorded, in order, as a dependency of the
/// memo being computed; there is deliberately no untracked read, so a memo can only depend on
/// what its dependency list says, which is what makes re-use sound and <c>explain</c> complete.
/// </summary>
/// <remarks>One instance per database, handed to every function it runs; it holds no per-run state.</remarks>
public sealed class QueryContext
{
    private readonly Database _database;

    internal QueryContext(Database database) => _database = database;

    /// <summary>Reads an input and records the read.</summary>
    /// <exception cref="InputNotSetException">The key was never set and the query declares no default.</exception>
    public TValue Get<TKey, TValue>(InputQuery<TKey, TValue> input, TKey key) where TKey : notnull =>
        _database.Get(input, key);

    /// <summary>Fetches (verifying or computing as needed) a memo and records the read.</summary>
    /// <exception cref="QueryCycleException">The memo is already being computed or verified.</exception>
    public TValue Get<TKey, TValue>(DerivedQuery<TKey, TValue> query, TKey key) where TKey : notnull =>
        _database.Get(query, key);
}
