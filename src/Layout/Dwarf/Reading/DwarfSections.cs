namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// The debug sections the type reader needs, ready to parse. A relocatable
/// object can hold several sections of one name (gcc -fdebug-types-section puts
/// each type unit in its own COMDAT .debug_info); they are concatenated in file
/// order, and relocations against their section symbols are shifted by where
/// each one starts, so offsets keep pointing at the same bytes.
/// Split DWARF (.dwo) files name the sections ".debug_info.dwo" etc.
/// </summary>
internal sealed class DwarfSections
{
    private DwarfSections(DebugSection info, DebugSection types, DebugSection abbrev, DebugSection str, DebugSection lineStr, DebugSection strOffsets)
    {
        Info = info;
        Types = types;
        Abbrev = abbrev;
        Str = str;
        LineStr = lineStr;
        StrOffsets = strOffsets;
    }

    public DebugSection Info { get; }

    /// <summary>DWARF 4 type units (-fdebug-types-section).</summary>
    public DebugSection Types { get; }

    public DebugSection Abbrev { get; }

    public DebugSection Str { get; }

    public DebugSection LineStr { get; }

    public DebugSection StrOffsets { get; }

    public static DwarfSections From(ElfFile elf)
    {
        var groups = new[] { "info", "types", "abbrev", "str", "line_str", "str_offsets" }
            .Select(suffix => Find(elf, suffix))
            .ToArray();

        // Section index -> start within its concatenation.
        var bases = new long[elf.Sections.Length];
        foreach (var group in groups)
        {
            long at = 0;
            foreach (var s in group)
            {
                bases[s.Index] = at;
                at += ElfDecompression.UncompressedSize(s, elf.GetRawContents(s).Span);
            }
        }
        var built = groups.Select(g => Concatenate(elf, g, bases)).ToArray();
        return new DwarfSections(built[0], built[1], built[2], built[3], built[4], built[5]);
    }

    private static ElfSection[] Find(ElfFile elf, string suffix)
    {
        string[] names = [".debug_" + suffix, ".zdebug_" + suffix, ".debug_" + suffix + ".dwo"];
        foreach (var name in names)
        {
            var found = elf.Sections.Where(s => s.Name == name && s.Type != ElfSection.TypeNoBits).ToArray();
            if (found.Length > 0) return found;
        }
        return [];
    }

    private static DebugSection Concatenate(ElfFile elf, ElfSection[] sections, long[] bases)
    {
        if (sections.Length == 0) return DebugSection.Empty;
        var name = sections[0].Name;
        if (sections.Length == 1) return new DebugSection(name, ElfRelocations.Apply(elf, sections[0], bases));
        var parts = sections.Select(s => ElfRelocations.Apply(elf, s, bases)).ToArray();
        var total = parts.Sum(p => (long)p.Length);
        if (total > int.MaxValue) throw new DwarfFormatException(name, 0, $"{sections.Length} sections of {total} bytes in all exceed 2 GiB");
        var data = new byte[total];
        var at = 0;
        foreach (var p in parts)
        {
            p.Span.CopyTo(data.AsSpan(at));
            at += p.Length;
        }
        return new DebugSection(name, data);
    }
}
