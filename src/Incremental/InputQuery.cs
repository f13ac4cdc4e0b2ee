using LayoutExpert.Incremental.Engine;

namespace LayoutExpert.Incremental;

/// <summary>
/// A family of inputs: values the outside world sets with
/// <see cref="Database.Set{TKey, TValue}(InputQuery{TKey, TValue}, TKey, TValue, Durability)"/>.
/// Each key is its own input, with its own value, durability and changed-at revision, so setting
/// one key invalidates only the memos that read that key.
/// </summary>
/// <typeparam name="TKey">Key type; compared with <see cref="KeyComparer"/>.</typeparam>
/// <typeparam name="TValue">Value type; compared with <see cref="ValueComparer"/> to detect no-op sets.</typeparam>
public sealed class InputQuery<TKey, TValue> : Query where TKey : notnull
{
    /// <summary>Declares a family of inputs.</summary>
    /// <param name="name">Unique name within a database, e.g. <c>config-option</c>.</param>
    /// <param name="defaultValue">
    /// Value of a key that was never set. When null, reading a never-set key throws
    /// <see cref="InputNotSetException"/>. The function must depend on the key alone.
    /// </param>
    /// <param name="defaultDurability">Durability a never-set key has when read through <paramref name="defaultValue"/>.</param>
    /// <param name="valueComparer">Decides whether a set changes anything; default <see cref="EqualityComparer{T}.Default"/>.</param>
    /// <param name="keyComparer">Key equality; default <see cref="EqualityComparer{T}.Default"/>.</param>
    public InputQuery(
        string name,
        Func<TKey, TValue>? defaultValue = null,
        Durability defaultDurability = Durability.Low,
        IEqualityComparer<TValue>? valueComparer = null,
        IEqualityComparer<TKey>? keyComparer = null)
        : base(name)
    {
        DurabilityLevels.Validate(defaultDurability);
        DefaultValue = defaultValue;
        DefaultDurability = defaultDurability;
        ValueComparer = valueComparer ?? EqualityComparer<TValue>.Default;
        KeyComparer = keyComparer ?? EqualityComparer<TKey>.Default;
    }

    /// <summary>Value of a never-set key, or null when reading one is an error.</summary>
    public Func<TKey, TValue>? DefaultValue { get; }

    /// <summary>Durability of a never-set key read through <see cref="DefaultValue"/>.</summary>
    public Durability DefaultDurability { get; }

    /// <summary>Equality of values; a set with an equal value (and the same durability) is a no-op.</summary>
    public IEqualityComparer<TValue> ValueComparer { get; }

    /// <summary>Equality of keys.</summary>
    public IEqualityComparer<TKey> KeyComparer { get; }

    internal override QueryStorage CreateStorage(Runtime runtime) => new InputStorage<TKey, TValue>(this, runtime);
}
