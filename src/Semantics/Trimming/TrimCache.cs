using System.Runtime.InteropServices;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Trimming;

/// <summary>
/// What <see cref="Trimmer"/> decided for each file-scope node, kept across
/// trims of one source: a node's kind is a function of its green node alone
/// (<see cref="Trimmer"/> reads nothing else), and the parser hands an
/// unchanged declaration back as the same node object, so a config flip
/// classifies only the declarations it changed. Nodes no trim met in the last
/// eight are dropped (flipping an option back and forth needs two). Before
/// these, a trim walks its nodes beside the last trim's (<see cref="LastTrim"/>):
/// an unchanged node is not read at all.
/// Not thread-safe: one trim at a time.
/// </summary>
public sealed class TrimCache
{
    private const int KeepTrims = 8;

    private readonly Dictionary<GreenNode, Entry> _entries = new(ReferenceEqualityComparer.Instance);

    /// <summary>The nodes of the last trim and of the one being made (see <see cref="LastTrim"/>); null before the first.</summary>
    internal LastTrim? Last { get; private set; }

    private LastTrim _next = new();

    /// <summary>The set the trim under way fills (the set before becomes the last when it ends).</summary>
    internal LastTrim Next => _next;

    /// <summary>The trim under way is done: its set is the last, the one before is filled next.</summary>
    internal void Swap()
    {
        var done = _next;
        _next = Last ?? new LastTrim();
        Last = done;
    }
    private int _trim;

    /// <summary>How many nodes have a kind.</summary>
    public int Count => _entries.Count;

    internal void Begin() => _trim++;

    internal void End()
    {
        if (_trim % 4 != 0) return;
        List<GreenNode>? stale = null;
        foreach (var (green, entry) in _entries)
        {
            if (_trim - entry.LastTrim >= KeepTrims) (stale ??= []).Add(green);
        }
        if (stale is null) return;
        foreach (var green in stale) _entries.Remove(green);
    }

    /// <summary>The kind of a node (null: dropped), from the cache or from <paramref name="classify"/>.</summary>
    internal TrimmedKind? KindOf(GNode node, Func<GNode, TrimmedKind?> classify)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_entries, node.Green, out var found);
        if (!found) entry.Kind = classify(node);
        entry.LastTrim = _trim;
        return entry.Kind;
    }

    private struct Entry
    {
        public TrimmedKind? Kind;
        public int LastTrim;
    }
}
