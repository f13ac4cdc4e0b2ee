using System.Collections.Immutable;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// Makes an <see cref="ImmutableSortedDictionary{TKey, TValue}"/> (ordinal
/// keys) from the entries of a run by changing the one made for the previous
/// run: only keys added, removed or given another value cost a tree update,
/// where building from scratch sorts every key again. The result is the same
/// dictionary either way; where a value equals the previous one, the previous
/// object is kept.
/// </summary>
public sealed class SortedDictionaryMemory<T> where T : class
{
    private ImmutableSortedDictionary<string, T>? last;
    private Dictionary<string, T> lastEntries = new(StringComparer.Ordinal);

    /// <summary>The dictionary holding exactly <paramref name="entries"/> (which this memory keeps: do not change it afterwards).</summary>
    public ImmutableSortedDictionary<string, T> Next(Dictionary<string, T> entries)
    {
        if (last is null)
        {
            last = entries.ToImmutableSortedDictionary(StringComparer.Ordinal);
        }
        else
        {
            var builder = last.ToBuilder();
            foreach (var (key, value) in entries)
            {
                if (lastEntries.TryGetValue(key, out var previous) && (ReferenceEquals(previous, value) || previous.Equals(value))) continue;
                builder[key] = value;
            }
            if (builder.Count != entries.Count)
            {
                foreach (var key in lastEntries.Keys)
                {
                    if (!entries.ContainsKey(key)) builder.Remove(key);
                }
            }
            last = builder.ToImmutable();
        }
        lastEntries = entries;
        return last;
    }
}
