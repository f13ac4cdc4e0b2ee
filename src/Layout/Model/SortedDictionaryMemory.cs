using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// Makes an <see cref="ImmutableSortedDictionary{TKey, TValue}"/> (ordinal
/// keys) from the entries of a run by changing the one made for the previous
/// run: only keys added, removed or given another value cost a tree update,
/// where building from scratch sorts every key again. The result is the same
/// dictionary either way; where a value equals the previous one, the previous
/// object is kept, in the result and in the entries given (so a caller looking
/// entries up there finds the result's objects, and the next run compares them
/// by reference): <see cref="Substituted"/> says which objects were replaced.
/// </summary>
public sealed class SortedDictionaryMemory<T> where T : class
{
    private ImmutableSortedDictionary<string, T>? last;
    private Dictionary<string, T> lastEntries = new(StringComparer.Ordinal);
    private readonly Dictionary<T, T> substituted = new(ReferenceEqualityComparer.Instance);
    private readonly List<KeyValuePair<string, T>> keptPrevious = [];

    /// <summary>Of the last <see cref="Next"/>: each value given that equalled the previous run's, with the previous object that stands for it.</summary>
    public IReadOnlyDictionary<T, T> Substituted => substituted;

    /// <summary>The value the last <see cref="Next"/> held under <paramref name="key"/>, if any (an object the last result holds).</summary>
    public T? Previous(string key) => lastEntries.GetValueOrDefault(key);

    /// <summary>Whether <paramref name="entries"/> is the very dictionary the last <see cref="Next"/> was given (and kept).</summary>
    public bool Holds(Dictionary<string, T> entries) => last is not null && ReferenceEquals(lastEntries, entries);

    /// <summary>
    /// As <see cref="Next"/>, for <paramref name="entries"/> that hold what the last entries held but under
    /// <paramref name="changedKeys"/> (a key may be named twice; one named whose value is the last one's is
    /// left as it is): only those keys are looked at. A copy of the last entries patched by a build that
    /// knows what it changed, where <see cref="Next"/> would compare every entry.
    /// </summary>
    public ImmutableSortedDictionary<string, T> NextChanged(Dictionary<string, T> entries, IEnumerable<string> changedKeys)
    {
        if (last is null) return Next(entries);
        substituted.Clear();
        var builder = last.ToBuilder();
        foreach (var key in changedKeys)
        {
            ref var value = ref CollectionsMarshal.GetValueRefOrNullRef(entries, key);
            if (Unsafe.IsNullRef(ref value))
            {
                builder.Remove(key);
                continue;
            }
            if (lastEntries.TryGetValue(key, out var previous))
            {
                if (ReferenceEquals(previous, value)) continue;
                if (previous.Equals(value))
                {
                    substituted[value] = previous;
                    value = previous;
                    continue;
                }
            }
            builder[key] = value;
        }
        last = builder.ToImmutable();
        lastEntries = entries;
        return last;
    }

    /// <summary>
    /// The dictionary holding exactly <paramref name="entries"/> (which this memory keeps: do not change it
    /// afterwards); a value equal to the previous run's under its key is replaced in <paramref name="entries"/> by that object.
    /// </summary>
    public ImmutableSortedDictionary<string, T> Next(Dictionary<string, T> entries)
    {
        substituted.Clear();
        if (last is null)
        {
            last = entries.ToImmutableSortedDictionary(StringComparer.Ordinal);
        }
        else
        {
            var builder = last.ToBuilder();
            keptPrevious.Clear();
            foreach (var (key, value) in entries)
            {
                if (lastEntries.TryGetValue(key, out var previous))
                {
                    if (ReferenceEquals(previous, value)) continue;
                    if (previous.Equals(value))
                    {
                        keptPrevious.Add(KeyValuePair.Create(key, previous));
                        substituted[value] = previous;
                        continue;
                    }
                }
                builder[key] = value;
            }
            if (builder.Count != entries.Count)
            {
                foreach (var key in lastEntries.Keys)
                {
                    if (!entries.ContainsKey(key)) builder.Remove(key);
                }
            }
            // After the loop: the entries are not changed while they are enumerated.
            foreach (var (key, previous) in keptPrevious) CollectionsMarshal.GetValueRefOrNullRef(entries, key) = previous;
            last = builder.ToImmutable();
        }
        lastEntries = entries;
        return last;
    }
}
