using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using LayoutExpert.Incremental.Engine;

namespace LayoutExpert.Incremental;

/// <summary>
/// A memoising query database in the style of the salsa framework (used by rust-analyzer): inputs
/// set from outside, derived queries computed on demand, and re-use of every earlier result that
/// provably did not change.
/// </summary>
/// <remarks>
/// <para>
/// <b>Revisions.</b> The database has a current <see cref="Revision"/>. Setting an input to a
/// different value starts a new revision and stamps the input with it (its <i>changed-at</i>).
/// Setting an input to a value equal to its current one, with the same durability, does nothing.
/// </para>
/// <para>
/// <b>Memos.</b> For each (derived query, key) the database keeps a memo: the value, the ordered
/// list of inputs and memos the function read, the durability, and two revisions.
/// <i>Verified-at</i> is the last revision in which the value was known to be current;
/// <i>changed-at</i> is the last revision in which the value actually changed. They differ
/// because a memo can be confirmed (or even recomputed to the same value) without changing.
/// </para>
/// <para>
/// <b>Fetching.</b> A memo verified in the current revision is returned at once (a table lookup
/// and a revision compare). Otherwise it is verified: if its durability level has not changed
/// since verified-at, it is current without looking further (see <see cref="Durability"/>);
/// otherwise each dependency, in the order it was read, is asked whether it changed after the
/// memo's verified-at. For an input that is a compare of its changed-at; for a memo it means
/// bringing that memo up to date first, recursively, then comparing its changed-at. The walk stops
/// at the first changed dependency, because the function, being deterministic, repeats the same
/// reads up to that point and may take a different path after it. If nothing changed, the memo is
/// marked verified; otherwise the function runs again and records a fresh dependency list.
/// </para>
/// <para>
/// <b>Early cutoff (backdating).</b> When a re-run produces a value equal to the old one under the
/// query's comparer, the memo keeps its old changed-at. Its readers then see no change and are
/// not re-run: a change to a config option that does not alter a preprocessed file stops there.
/// A new value gets as changed-at the latest changed-at among what it read, not simply the current
/// revision, so a memo recomputed after being swept does not look new to its readers either.
/// </para>
/// <para>
/// <b>Memory.</b> Memos are kept until <see cref="DropMemosNotVerifiedSince"/> drops those not
/// verified since a given revision. This explicit, revision-based sweep was chosen over an LRU
/// because the caller knows the natural boundary: run a config, then drop whatever that config did
/// not touch, which keeps the database bounded by one config's working set plus the inputs.
/// A reader whose dependency was swept still works: it finds the dependency again by key and
/// recomputes it when it next needs to verify.
/// </para>
/// <para>
/// <b>Threading.</b> A database is single-threaded: use it from one thread at a time, without
/// locks on the hot path. Query definitions are stateless, and databases share nothing, so
/// separate databases may be used on separate threads.
/// </para>
/// </remarks>
public sealed class Database
{
    private readonly Runtime _runtime;
    private readonly Dictionary<Query, QueryStorage> _storages = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Query> _queriesByName = new(StringComparer.Ordinal);

    // Direct-mapped cache from query to storage, indexed by the query's identity hash: a query
    // function alternating between a few queries finds each storage without a dictionary lookup.
    private const int CacheSize = 32;
    private readonly CachedStorage[] _cache = new CachedStorage[CacheSize];

    private struct CachedStorage
    {
        public Query? Query;
        public QueryStorage? Storage;
    }

    public Database()
    {
        _runtime = new Runtime(this);
        Statistics = new DatabaseStatistics(this);
    }

    /// <summary>The current revision.</summary>
    public Revision CurrentRevision => new(_runtime.Current);

    /// <summary>Work counters (executions, hits, verifications, backdates) per query and in total.</summary>
    public DatabaseStatistics Statistics { get; }

    /// <summary>Number of memos held, over all derived queries.</summary>
    public int MemoCount => _storages.Values.Sum(storage => storage.MemoCount);

    internal IEnumerable<QueryStorage> Storages => _storages.Values;

    /// <summary>
    /// Sets one input. A new revision starts unless the value equals the current one (under the
    /// query's comparer) and the durability is the same, in which case nothing happens.
    /// </summary>
    /// <exception cref="QueryUsageException">Called while a query function runs.</exception>
    public void Set<TKey, TValue>(InputQuery<TKey, TValue> input, TKey key, TValue value, Durability durability = Durability.Low)
        where TKey : notnull
    {
        StorageOf<InputStorage<TKey, TValue>>(input).Set(key, value, durability);
    }

    /// <summary>Reads an input; from inside a query function the read is recorded.</summary>
    /// <exception cref="InputNotSetException">The key was never set and the query declares no default.</exception>
    public TValue Get<TKey, TValue>(InputQuery<TKey, TValue> input, TKey key) where TKey : notnull =>
        StorageOf<InputStorage<TKey, TValue>>(input).Read(key);

    /// <summary>
    /// The value of a derived query for a key in the current revision: memoised, verified or
    /// computed as described on <see cref="Database"/>. From inside a query function the read is recorded.
    /// </summary>
    /// <exception cref="QueryCycleException">The query depends on itself.</exception>
    public TValue Get<TKey, TValue>(DerivedQuery<TKey, TValue> query, TKey key) where TKey : notnull =>
        StorageOf<DerivedStorage<TKey, TValue>>(query).Fetch(key);

    /// <summary>
    /// What the memo of <paramref name="query"/> for <paramref name="key"/> read during its last run, in
    /// first-read order, each once. Fetch the memo first to be sure the list is that of the current revision.
    /// </summary>
    /// <exception cref="QueryUsageException">There is no memo for that key.</exception>
    public ImmutableArray<QueryKey> GetDependencies<TKey, TValue>(DerivedQuery<TKey, TValue> query, TKey key)
        where TKey : notnull => GetDependencies(new QueryKey(query, key));

    /// <summary>Untyped form of <see cref="GetDependencies{TKey, TValue}(DerivedQuery{TKey, TValue}, TKey)"/>, for walking dependency lists.</summary>
    /// <exception cref="QueryUsageException">There is no memo (or input) for that key.</exception>
    public ImmutableArray<QueryKey> GetDependencies(QueryKey key) =>
        TryInspect(key, out var info)
            ? info.Dependencies
            : throw new QueryUsageException($"There is no memo for {key} in this database.");

    /// <summary>Describes the memo or input named by <paramref name="key"/>, if the database holds one.</summary>
    public bool TryInspect(QueryKey key, [NotNullWhen(true)] out MemoInfo? info)
    {
        info = _storages.TryGetValue(key.Query, out var storage) ? storage.Inspect(key.Key) : null;
        return info is not null;
    }

    /// <summary>
    /// Drops every memo last verified before <paramref name="revision"/> (inputs are kept) and
    /// returns how many were dropped. Typical use: note <see cref="CurrentRevision"/> after setting
    /// a config's inputs, fetch what that config needs, then drop what it did not verify.
    /// Values needed later are recomputed; results stay correct.
    /// </summary>
    /// <exception cref="QueryUsageException">Called while a query function runs.</exception>
    public int DropMemosNotVerifiedSince(Revision revision)
    {
        if (_runtime.IsBusy)
            throw new QueryUsageException("Memos cannot be dropped while a query is running or being verified.");
        var dropped = 0;
        foreach (var storage in _storages.Values) dropped += storage.DropMemosNotVerifiedSince(revision.Number);
        return dropped;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TStorage StorageOf<TStorage>(Query query) where TStorage : QueryStorage
    {
        ArgumentNullException.ThrowIfNull(query);
        ref var cached = ref _cache[query.CacheHash & (CacheSize - 1)];
        var storage = ReferenceEquals(cached.Query, query) ? cached.Storage! : CacheMiss(query, ref cached);
        // Safe: a query's storage is created by that query with its own type arguments.
        return Unsafe.As<TStorage>(storage);
    }

    private QueryStorage CacheMiss(Query query, ref CachedStorage cached)
    {
        if (!_storages.TryGetValue(query, out var storage)) storage = Register(query);
        cached.Query = query;
        cached.Storage = storage;
        return storage;
    }

    private QueryStorage Register(Query query)
    {
        if (_queriesByName.TryGetValue(query.Name, out var other) && !ReferenceEquals(other, query))
            throw new QueryUsageException($"Two different queries are named '{query.Name}' in one database.");
        var storage = query.CreateStorage(_runtime);
        _storages.Add(query, storage);
        _queriesByName[query.Name] = query;
        return storage;
    }
}
