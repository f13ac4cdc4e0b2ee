using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Patches a dictionary made from one list of values (keyed by each value's
/// id) into the dictionary of the next list, comparing the lists by reference
/// in order instead of looking every id up: replayed items add the very
/// definitions they recorded, in the same order, so the lists of two binds
/// are equal but for the runs a changed item added or dropped. Any alignment
/// of the two lists gives the right dictionary as long as every value of the
/// old list is matched or removed and every value of the new list matched or
/// added (ids are unique in each list); a short look-ahead keeps the
/// alignment tight after an insertion or deletion.
/// </summary>
internal static class ListPatch
{
    private const int LookAhead = 32;

    public static ImmutableDictionary<TId, T> Apply<TId, T>(ImmutableDictionary<TId, T> previous, List<T> before, List<T> after, Func<T, TId> idOf)
        where TId : notnull
        where T : class
    {
        List<T>? removed = null;
        List<T>? added = null;
        int i = 0, j = 0;
        while (i < after.Count && j < before.Count)
        {
            if (ReferenceEquals(after[i], before[j]))
            {
                i++;
                j++;
                continue;
            }
            var found = IndexOf(before, after[i], j + 1);
            if (found >= 0)
            {
                // The old values up to the new one are gone.
                for (; j < found; j++) (removed ??= []).Add(before[j]);
                continue;
            }
            found = IndexOf(after, before[j], i + 1);
            if (found >= 0)
            {
                // The new values up to the old one were added.
                for (; i < found; i++) (added ??= []).Add(after[i]);
                continue;
            }
            (removed ??= []).Add(before[j++]);
            (added ??= []).Add(after[i++]);
        }
        for (; j < before.Count; j++) (removed ??= []).Add(before[j]);
        for (; i < after.Count; i++) (added ??= []).Add(after[i]);
        if (removed is null && added is null) return previous;
        var builder = previous.ToBuilder();
        // Removals first: a value replaced under the same id is removed, then set.
        foreach (var value in removed ?? []) builder.Remove(idOf(value));
        foreach (var value in added ?? []) builder[idOf(value)] = value;
        return builder.ToImmutable();
    }

    private static int IndexOf<T>(List<T> list, T value, int from)
        where T : class
    {
        var end = Math.Min(list.Count, from + LookAhead);
        for (var k = from; k < end; k++)
        {
            if (ReferenceEquals(list[k], value)) return k;
        }
        return -1;
    }
}
