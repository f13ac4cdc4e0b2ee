using System.Collections.Immutable;

namespace LayoutExpert.Incremental;

/// <summary>
/// Read-only view of a database's work counters, per query name and in total, for tests,
/// benchmarks and reports. Reading it costs nothing on the query hot path: the counters are plain
/// fields incremented in place.
/// </summary>
public sealed class DatabaseStatistics
{
    private readonly Database _database;

    internal DatabaseStatistics(Database database) => _database = database;

    /// <summary>Counters of <paramref name="query"/>; zero if the database never used it.</summary>
    public QueryCounters For(Query query) => For(query.Name);

    /// <summary>Counters of the query named <paramref name="queryName"/>; zero if the database never used it.</summary>
    public QueryCounters For(string queryName)
    {
        foreach (var storage in _database.Storages)
        {
            if (storage.Query.Name == queryName) return storage.Counters;
        }
        return default;
    }

    /// <summary>Counters of all queries added together.</summary>
    public QueryCounters Total
    {
        get
        {
            var total = default(QueryCounters);
            foreach (var storage in _database.Storages) total += storage.Counters;
            return total;
        }
    }

    /// <summary>Counters of every query the database has used, by name.</summary>
    public ImmutableSortedDictionary<string, QueryCounters> ByQuery()
    {
        var builder = ImmutableSortedDictionary.CreateBuilder<string, QueryCounters>(StringComparer.Ordinal);
        foreach (var storage in _database.Storages) builder.Add(storage.Query.Name, storage.Counters);
        return builder.ToImmutable();
    }

    /// <summary>Sets every counter back to zero (memos are kept).</summary>
    public void Reset()
    {
        foreach (var storage in _database.Storages) storage.ResetCounters();
    }

    public override string ToString() => string.Join(
        Environment.NewLine,
        ByQuery().Select(entry => $"{entry.Key}: {entry.Value}"));
}
