using System.Runtime.CompilerServices;

namespace LayoutExpert.Syntax.Green;

/// <summary>
/// Tokens found by their text object, not its characters: a preprocessor hands
/// out a few tens of thousands of text objects for a million tokens, and the
/// same objects again on the next run, so hashing the reference (no character
/// is read) finds the token. Each text object keeps up to four tokens (kind
/// and trivia differ); more fall back to the caller. Open addressing in many
/// small tables, so none lands in the large object heap, whose allocations cost
/// full collections in a process holding a big heap.
/// </summary>
internal sealed class RecurringTokenTable
{
    private const int TableBits = 7;
    private readonly Entry[]?[] _tables = new Entry[1 << TableBits][];
    private readonly int[] _counts = new int[1 << TableBits];

    /// <summary>The token kept for this text object with this kind and trivia, or null.</summary>
    public GreenToken? Find(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing)
    {
        var hash = RuntimeHelpers.GetHashCode(text);
        if (_tables[hash & ((1 << TableBits) - 1)] is not { } table) return null;
        var mask = table.Length - 1;
        for (var slot = (hash >> TableBits) & mask; table[slot].Text is { } key; slot = (slot + 1) & mask)
        {
            if (!ReferenceEquals(key, text)) continue;
            ref var entry = ref table[slot];
            if (Matches(entry.Token0, kind, leading, trailing)) return entry.Token0;
            if (Matches(entry.Token1, kind, leading, trailing)) return entry.Token1;
            if (Matches(entry.Token2, kind, leading, trailing)) return entry.Token2;
            if (Matches(entry.Token3, kind, leading, trailing)) return entry.Token3;
            return null;
        }
        return null;
    }

    /// <summary>Keeps <paramref name="token"/> for its text object <paramref name="text"/> (when there is room).</summary>
    public void Add(string text, GreenToken token)
    {
        var hash = RuntimeHelpers.GetHashCode(text);
        var which = hash & ((1 << TableBits) - 1);
        var table = _tables[which] ??= new Entry[16];
        var mask = table.Length - 1;
        var slot = (hash >> TableBits) & mask;
        while (table[slot].Text is { } key && !ReferenceEquals(key, text)) slot = (slot + 1) & mask;
        ref var entry = ref table[slot];
        if (entry.Text is null)
        {
            entry.Text = text;
            entry.Token0 = token;
            if (++_counts[which] * 2 > table.Length) _tables[which] = Grown(table);
            return;
        }
        if (entry.Token1 is null) entry.Token1 = token;
        else if (entry.Token2 is null) entry.Token2 = token;
        else entry.Token3 ??= token;
    }

    private static bool Matches(GreenToken? token, SyntaxKind kind, GreenNode? leading, GreenNode? trailing) =>
        token is not null && token.Kind == kind && ReferenceEquals(token.LeadingTrivia, leading) && ReferenceEquals(token.TrailingTrivia, trailing);

    private static Entry[] Grown(Entry[] table)
    {
        var grown = new Entry[table.Length * 2];
        var mask = grown.Length - 1;
        foreach (var entry in table)
        {
            if (entry.Text is null) continue;
            var slot = (RuntimeHelpers.GetHashCode(entry.Text) >> TableBits) & mask;
            while (grown[slot].Text is not null) slot = (slot + 1) & mask;
            grown[slot] = entry;
        }
        return grown;
    }

    private struct Entry
    {
        public string? Text;
        public GreenToken? Token0;
        public GreenToken? Token1;
        public GreenToken? Token2;
        public GreenToken? Token3;
    }
}
