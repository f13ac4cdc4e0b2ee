namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// The stored type-related DIEs of every unit, in section order (so sorted by
/// global offset: references resolve by binary search), with their names.
/// </summary>
internal sealed class DieTable(DebugEntry[] entries, long[] offsets, string?[] names, int count, StringTable strings, string infoName)
{
    // names[i]: entry i's name once decoded (the parser fills those it needed).
    // Offsets are kept apart from the entries too: a binary search over a dense
    // long[] touches a fraction of the cache lines a search over the entries would.

    public int Count { get; } = count;

    public ref readonly DebugEntry this[int index] => ref entries[index];

    /// <summary>The index of the entry at a global offset, or -1 if no stored DIE is there.</summary>
    public int Find(long offset)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var at = offsets[mid];
            if (at == offset) return mid;
            if (at < offset) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The DW_AT_name of an entry, or null when it has none.</summary>
    public string? Name(int index)
    {
        if (names[index] is { } known) return known;
        ref readonly var e = ref entries[index];
        if (e.Is(EntryFields.Name)) return names[index] = strings.Get(e.NameSource, e.NameOffset);
        if (e.Is(EntryFields.Supplementary))
        {
            throw new DwarfFormatException(infoName, e.Offset, "name or type in a dwz supplementary file, which is not supported");
        }
        return null;
    }
}
