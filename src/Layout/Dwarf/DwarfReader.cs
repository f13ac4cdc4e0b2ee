using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Reads the type layouts gcc described in an object's DWARF (versions 2 to 5,
/// .debug_info and .debug_types, split .dwo files too) into the project's layout
/// model, so they compare directly with what the layout engine computes.
/// </summary>
public static class DwarfReader
{
    /// <exception cref="DwarfFormatException">The file has no debug information, or it is corrupt or unsupported.</exception>
    public static LayoutSet ReadLayouts(ElfFile elf)
    {
        ArgumentNullException.ThrowIfNull(elf);
        var sections = DwarfSections.From(elf);
        if (!sections.Info.IsPresent && !sections.Types.IsPresent)
        {
            throw new DwarfFormatException(".debug_info", 0, "the file has no debug information (compile with -g)");
        }
        if (!sections.Abbrev.IsPresent) throw new DwarfFormatException(".debug_abbrev", 0, "missing, so .debug_info cannot be read");
        var dies = DieParser.Parse(sections);
        return LayoutBuilder.Build(dies, sections);
    }

    /// <summary>Reads an ELF file from disk and its layouts.</summary>
    public static LayoutSet ReadLayouts(string path) => ReadLayouts(ElfFile.Open(path));
}
