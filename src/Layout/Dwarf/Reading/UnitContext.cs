namespace LayoutExpert.Layout.Dwarf;

/// <summary>What reading one unit's attribute values needs besides the bytes: its header, its section and the string-offsets base.</summary>
internal sealed class UnitContext(UnitHeader header, DebugSection section, long globalBase, DwarfSections sections)
{
    public UnitHeader Header { get; } = header;

    public DebugSection Section { get; } = section;

    /// <summary>Where <see cref="Section"/> starts in the global offset space of DIEs (.debug_info at 0, .debug_types after it).</summary>
    public long GlobalBase { get; } = globalBase;

    public DwarfSections Sections { get; } = sections;

    public StringSource InlineStrings => GlobalBase == 0 ? StringSource.Info : StringSource.Types;

    /// <summary>
    /// DW_AT_str_offsets_base of the unit DIE. Without one (split units, GNU
    /// pre-standard split DWARF), DWARF 5 section 7.26 puts the first contribution
    /// right after its 8-byte (32-bit DWARF) header, and the GNU form has no header.
    /// </summary>
    public long StrOffsetsBase { get; set; } = -1;

    public long EffectiveStrOffsetsBase => StrOffsetsBase >= 0 ? StrOffsetsBase : Header.Version >= 5 ? 2L * Header.OffsetSize : 0;
}
