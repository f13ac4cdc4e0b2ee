namespace LayoutExpert.Layout.Dwarf;

[Flags]
internal enum EntryFields : uint
{
    None = 0,
    Declaration = 1 << 0,
    ByteSize = 1 << 1,
    BitSize = 1 << 2,
    BitOffset = 1 << 3,
    DataBitOffset = 1 << 4,
    MemberLocation = 1 << 5,
    LowerBound = 1 << 6,
    UpperBound = 1 << 7,
    Count = 1 << 8,
    ConstValue = 1 << 9,
    Encoding = 1 << 10,
    Alignment = 1 << 11,
    Type = 1 << 12,
    Definition = 1 << 13,
    Name = 1 << 14,
    SupplementaryName = 1 << 15,
    SupplementaryType = 1 << 16,
}

/// <summary>
/// The attributes of one type-related DIE that layouts need, decoded once.
/// Other DIEs (functions, variables, locations) are skipped, not stored, which
/// keeps a 10 MB kernel module's .debug_info to a few hundred thousand of these.
/// Children are linked as first-child / next-sibling indexes into the table.
/// </summary>
internal struct DebugEntry
{
    /// <summary>Global offset: in .debug_info, or .debug_info's length plus the offset in .debug_types.</summary>
    public long Offset;
    public int Parent;
    public int FirstChild;
    public int NextSibling;
    public ushort Tag;
    public byte AddressSize;
    public StringSource NameSource;
    public EntryFields Has;
    public long NameOffset;

    /// <summary>DW_AT_type, as a global offset.</summary>
    public long Type;

    /// <summary>DW_AT_signature of a declaration stub: the global offset of the type unit's definition.</summary>
    public long Definition;
    public long ByteSize;
    public long BitSize;

    /// <summary>DWARF 2/3 DW_AT_bit_offset: from the most significant bit of the storage unit.</summary>
    public long BitOffset;
    public long DataBitOffset;
    public long MemberLocation;
    public long LowerBound;
    public long UpperBound;
    public long Count;
    public long ConstValue;
    public int Encoding;
    public int Alignment;

    public readonly bool Is(EntryFields field) => (Has & field) != 0;
}
