namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// The ELF or DWARF input is corrupt, truncated or uses something this reader
/// does not support. <see cref="Section"/> and <see cref="Offset"/> say where:
/// the section name (or "ELF header") and the byte offset inside it.
/// </summary>
public sealed class DwarfFormatException : Exception
{
    public DwarfFormatException(string section, long offset, string message)
        : base($"{section} at 0x{offset:x}: {message}")
    {
        Section = section;
        Offset = offset;
    }

    public DwarfFormatException(string section, long offset, string message, Exception inner)
        : base($"{section} at 0x{offset:x}: {message}", inner)
    {
        Section = section;
        Offset = offset;
    }

    public string Section { get; }

    public long Offset { get; }
}
