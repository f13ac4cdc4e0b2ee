using System.Collections.Immutable;

namespace LayoutExpert.Layout.Model;

/// <summary>Element-by-element equality for the model's immutable collections (which themselves compare by reference).</summary>
internal static class ModelEquality
{
    public static bool SequenceEqual<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.IsDefault || b.IsDefault) return a.IsDefault == b.IsDefault;
        return a.AsSpan().SequenceEqual(b.AsSpan());
    }

    public static int SequenceHash<T>(ImmutableArray<T> items)
    {
        if (items.IsDefault) return 0;
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }

    /// <summary>Same keys (in the dictionaries' own order) mapping to equal values.</summary>
    public static bool DictionaryEqual<TValue>(ImmutableSortedDictionary<string, TValue> a, ImmutableSortedDictionary<string, TValue> b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a.Count != b.Count) return false;
        var comparer = EqualityComparer<TValue>.Default;
        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !comparer.Equals(value, other)) return false;
        }
        return true;
    }

    /// <summary>Count and keys only: cheap, and consistent with <see cref="DictionaryEqual{TValue}"/>.</summary>
    public static int DictionaryHash<TValue>(ImmutableSortedDictionary<string, TValue> items)
    {
        var hash = new HashCode();
        hash.Add(items.Count);
        foreach (var key in items.Keys) hash.Add(key, StringComparer.Ordinal);
        return hash.ToHashCode();
    }
}
