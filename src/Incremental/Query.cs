using System.Runtime.CompilerServices;
using LayoutExpert.Incremental.Engine;

namespace LayoutExpert.Incremental;

/// <summary>
/// A query definition: a name plus, for derived queries, the function that computes it.
/// A definition holds no state, so one instance may be used by any number of
/// <see cref="Database"/>s; each database keeps its own inputs and memos for it.
/// </summary>
/// <remarks>
/// The only subclasses are <see cref="InputQuery{TKey, TValue}"/> and
/// <see cref="DerivedQuery{TKey, TValue}"/>. Names must be unique within one database; they
/// appear in statistics, dependency lists and cycle reports.
/// </remarks>
public abstract class Query
{
    private protected Query(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new QueryUsageException("A query needs a non-empty name.");
        Name = name;
        CacheHash = RuntimeHelpers.GetHashCode(this);
    }

    /// <summary>Identity hash, kept in a field so a database's query cache needs no call to find it.</summary>
    internal readonly int CacheHash;

    /// <summary>The name used in statistics, dependency lists and error messages.</summary>
    public string Name { get; }

    /// <summary>Creates this query's per-database table of inputs or memos.</summary>
    internal abstract QueryStorage CreateStorage(Runtime runtime);

    public override string ToString() => Name;
}
