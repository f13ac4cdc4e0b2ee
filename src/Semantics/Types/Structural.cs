using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// Element-by-element equality for the <c>ImmutableArray</c> members of records
/// (an <c>ImmutableArray</c> itself compares by reference).
/// </summary>
public static class Structural
{
    public static bool SequenceEqual<T>(ImmutableArray<T> a, ImmutableArray<T> b)
    {
        if (a.IsDefault || b.IsDefault) return a.IsDefault == b.IsDefault;
        if (a.Length != b.Length) return false;
        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < a.Length; i++)
        {
            if (!comparer.Equals(a[i], b[i])) return false;
        }
        return true;
    }

    public static int SequenceHash<T>(ImmutableArray<T> items)
    {
        if (items.IsDefault) return 0;
        var hash = new HashCode();
        hash.Add(items.Length);
        foreach (var item in items) hash.Add(item);
        return hash.ToHashCode();
    }
}
