using System.Text;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Decodes DWARF strings (UTF-8, NUL-terminated) and interns them: a kernel
/// module repeats every header's names in every unit, and ld -r does not merge
/// the units' .debug_str copies, so the same name sits at many offsets. Each
/// distinct name becomes one string; repeats are looked up without allocating.
/// </summary>
internal sealed class StringTable(DwarfSections sections)
{
    private const int StackDecodeLimit = 512;

    private readonly HashSet<string> _interned = new(4096, StringComparer.Ordinal);

    public string Get(StringSource source, long offset)
    {
        var bytes = Bytes(source, offset);
        if (bytes.Length > StackDecodeLimit) return Intern(Encoding.UTF8.GetString(bytes));
        Span<char> chars = stackalloc char[bytes.Length];
        var length = Encoding.UTF8.GetChars(bytes, chars);
        var lookup = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(chars[..length], out var known)) return known;
        var value = new string(chars[..length]);
        _interned.Add(value);
        return value;
    }

    private string Intern(string value)
    {
        if (_interned.TryGetValue(value, out var known)) return known;
        _interned.Add(value);
        return value;
    }

    private ReadOnlySpan<byte> Bytes(StringSource source, long offset)
    {
        var section = source switch
        {
            StringSource.Info => sections.Info,
            StringSource.Types => sections.Types,
            StringSource.Str => sections.Str,
            _ => sections.LineStr,
        };
        var data = section.Span;
        if ((ulong)offset >= (ulong)data.Length) throw new DwarfFormatException(section.Name, offset, "string offset out of range");
        var rest = data[(int)offset..];
        var length = SpanReader.CStringLength(rest);
        if (length < 0) throw new DwarfFormatException(section.Name, offset, "unterminated string");
        return rest[..length];
    }
}
