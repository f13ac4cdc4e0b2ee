using System.Text;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// The type-related DIEs of every unit, in section order (so sorted by global
/// offset: references resolve by binary search), and their names, decoded on
/// first use.
/// </summary>
internal sealed class DieTable
{
    private readonly DebugEntry[] _entries;
    private readonly DwarfSections _sections;
    private readonly Dictionary<(StringSource, long), string> _names = [];

    public DieTable(DebugEntry[] entries, int count, DwarfSections sections)
    {
        _entries = entries;
        Count = count;
        _sections = sections;
    }

    public int Count { get; }

    public ref readonly DebugEntry this[int index] => ref _entries[index];

    /// <summary>The index of the entry at a global offset, or -1 if no stored DIE is there.</summary>
    public int Find(long offset)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            var at = _entries[mid].Offset;
            if (at == offset) return mid;
            if (at < offset) lo = mid + 1;
            else hi = mid - 1;
        }
        return -1;
    }

    /// <summary>The DW_AT_name of an entry, or null when it has none.</summary>
    public string? Name(int index)
    {
        ref readonly var e = ref _entries[index];
        if (e.Is(EntryFields.SupplementaryName))
        {
            throw new DwarfFormatException(_sections.Info.Name, e.Offset, "name in a dwz supplementary file, which is not supported");
        }
        if (!e.Is(EntryFields.Name)) return null;
        var key = (e.NameSource, e.NameOffset);
        if (_names.TryGetValue(key, out var name)) return name;
        name = Decode(e.NameSource, e.NameOffset);
        _names.Add(key, name);
        return name;
    }

    private string Decode(StringSource source, long offset)
    {
        var section = source switch
        {
            StringSource.Info => _sections.Info,
            StringSource.Types => _sections.Types,
            StringSource.Str => _sections.Str,
            _ => _sections.LineStr,
        };
        var data = section.Data.AsSpan();
        if ((ulong)offset >= (ulong)data.Length) throw new DwarfFormatException(section.Name, offset, "string offset out of range");
        var rest = data[(int)offset..];
        var length = rest.IndexOf((byte)0);
        if (length < 0) throw new DwarfFormatException(section.Name, offset, "unterminated string");
        return Encoding.UTF8.GetString(rest[..length]);
    }
}
