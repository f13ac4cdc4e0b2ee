using System.Text;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Decodes DWARF strings (UTF-8, NUL-terminated). Strings in .debug_str and
/// .debug_line_str are cached by offset: a linked module merges equal strings,
/// so each distinct name is decoded once. Inline DW_FORM_string names sit at a
/// different offset in every DIE, so caching them would not pay.
/// </summary>
internal sealed class StringTable(DwarfSections sections)
{
    private readonly Dictionary<long, string> _str = new(4096);
    private readonly Dictionary<long, string> _lineStr = [];

    public string Get(StringSource source, long offset)
    {
        var cache = source switch
        {
            StringSource.Str => _str,
            StringSource.LineStr => _lineStr,
            _ => null,
        };
        if (cache is null) return Decode(source, offset);
        if (cache.TryGetValue(offset, out var value)) return value;
        value = Decode(source, offset);
        cache.Add(offset, value);
        return value;
    }

    private string Decode(StringSource source, long offset)
    {
        var section = source switch
        {
            StringSource.Info => sections.Info,
            StringSource.Types => sections.Types,
            StringSource.Str => sections.Str,
            _ => sections.LineStr,
        };
        var data = section.Data.AsSpan();
        if ((ulong)offset >= (ulong)data.Length) throw new DwarfFormatException(section.Name, offset, "string offset out of range");
        var rest = data[(int)offset..];
        var length = rest.IndexOf((byte)0);
        if (length < 0) throw new DwarfFormatException(section.Name, offset, "unterminated string");
        return Encoding.UTF8.GetString(rest[..length]);
    }
}
