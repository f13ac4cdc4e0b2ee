using LayoutExpert.Incremental.Engine;

namespace LayoutExpert.Incremental;

/// <summary>
/// A memoised function of a key. The database runs <see cref="Compute"/> at most once per
/// revision per key, remembers the value together with the ordered list of inputs and memos the
/// function read through its <see cref="QueryContext"/>, and re-runs it only when one of those
/// changed (see <see cref="Database"/> for the algorithm).
/// </summary>
/// <remarks>
/// The function must be deterministic: its value and the sequence of reads it makes may depend
/// only on the key and on what it read through the context. It must not read mutable state from
/// elsewhere, or the memo will go stale silently.
/// </remarks>
/// <typeparam name="TKey">Key type; compared with <see cref="KeyComparer"/>.</typeparam>
/// <typeparam name="TValue">Value type; compared with <see cref="ValueComparer"/> for early cutoff.</typeparam>
public sealed class DerivedQuery<TKey, TValue> : Query where TKey : notnull
{
    /// <summary>Declares a derived query.</summary>
    /// <param name="name">Unique name within a database, e.g. <c>layout</c>.</param>
    /// <param name="compute">The function; reads everything through the context it is given.</param>
    /// <param name="valueComparer">
    /// Equality of results: when a re-run yields a value equal to the old one, the memo keeps its
    /// old changed-at and its readers are not re-run. Default <see cref="EqualityComparer{T}.Default"/>.
    /// </param>
    /// <param name="keyComparer">Key equality; default <see cref="EqualityComparer{T}.Default"/>.</param>
    public DerivedQuery(
        string name,
        Func<QueryContext, TKey, TValue> compute,
        IEqualityComparer<TValue>? valueComparer = null,
        IEqualityComparer<TKey>? keyComparer = null)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(compute);
        Compute = compute;
        ValueComparer = valueComparer ?? EqualityComparer<TValue>.Default;
        KeyComparer = keyComparer ?? EqualityComparer<TKey>.Default;
    }

    /// <summary>The function being memoised.</summary>
    public Func<QueryContext, TKey, TValue> Compute { get; }

    /// <summary>Equality of results, used for early cutoff.</summary>
    public IEqualityComparer<TValue> ValueComparer { get; }

    /// <summary>Equality of keys.</summary>
    public IEqualityComparer<TKey> KeyComparer { get; }

    internal override QueryStorage CreateStorage(Runtime runtime) => new DerivedStorage<TKey, TValue>(this, runtime);
}
