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
    Supplementary = 1 << 15,

    /// <summary>An anonymous type (or a pointer/array/qualifier of one) used by a member of a repeated definition the parser skipped.</summary>
    OwnedByRepeated = 1 << 16,
}

/// <summary>
/// The attributes of one type-related DIE that layouts need, decoded once.
/// Other DIEs (functions, variables, locations) are skipped, not stored.
/// To keep a kernel module's hundreds of thousands of these small, each tag's
/// numbers share five slots (a member never has a count, a subrange never a
/// bit offset); <see cref="DieParser"/> stores only the attributes of the tag's
/// group, and the named accessors below say which slot means what.
/// Children are linked as first-child / next-sibling indexes into the table.
/// </summary>
internal struct DebugEntry
{
    /// <summary>Global offset: in .debug_info, or .debug_info's length plus the offset in .debug_types.</summary>
    public long Offset;

    /// <summary>DW_AT_type, as a global offset.</summary>
    public long Type;
    public long NameOffset;
    public int FirstChild;
    public int NextSibling;
    public ushort Tag;
    public EntryFields Has;
    public byte AddressSize;
    public StringSource NameSource;
    private long _slot0;
    private long _slot1;
    private long _slot2;
    private long _slot3;
    private long _slot4;

    /// <summary>Any type, and a DWARF 2-4 bit-field member's storage unit.</summary>
    public long ByteSize { readonly get => _slot0; set => _slot0 = value; }

    // Members.
    public long BitSize { readonly get => _slot1; set => _slot1 = value; }

    /// <summary>DWARF 2/3 DW_AT_bit_offset: from the most significant bit of the storage unit.</summary>
    public long BitOffset { readonly get => _slot2; set => _slot2 = value; }

    public long DataBitOffset { readonly get => _slot3; set => _slot3 = value; }

    public long MemberLocation { readonly get => _slot4; set => _slot4 = value; }

    // Subranges.
    public long LowerBound { readonly get => _slot1; set => _slot1 = value; }

    public long UpperBound { readonly get => _slot2; set => _slot2 = value; }

    public long Count { readonly get => _slot3; set => _slot3 = value; }

    // Enumerators.
    public long ConstValue { readonly get => _slot4; set => _slot4 = value; }

    // Base types and enums.
    public int Encoding { readonly get => (int)_slot1; set => _slot1 = value; }

    // Records.
    public int Alignment { readonly get => (int)_slot2; set => _slot2 = value; }

    /// <summary>DW_AT_signature of a declaration stub: the global offset of the type unit's definition.</summary>
    public long Definition { readonly get => _slot3; set => _slot3 = value; }

    public readonly bool Is(EntryFields field) => (Has & field) != 0;
}
