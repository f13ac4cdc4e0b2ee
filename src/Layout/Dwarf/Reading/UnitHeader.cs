namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// A unit header of .debug_info (DWARF 2-5) or .debug_types (DWARF 4):
/// DWARF 5 section 7.5.1, DWARF 4 sections 7.5.1.1 and 7.5.1.2. DWARF 5 moved
/// the address size before the abbreviation offset and added a unit type.
/// </summary>
internal readonly record struct UnitHeader(
    long Offset,
    long End,
    int Version,
    byte UnitType,
    int AddressSize,
    int OffsetSize,
    long AbbrevOffset,
    ulong TypeSignature,
    long TypeOffset,
    long FirstEntry)
{
    public bool IsTypeUnit => UnitType is DwUt.Type or DwUt.SplitType;

    public static UnitHeader Read(ref SpanReader r, bool inTypesSection)
    {
        var offset = r.Position;
        long length = r.U32();
        var offsetSize = 4;
        if (length == 0xffffffff)
        {
            // 64-bit DWARF (section 7.4).
            offsetSize = 8;
            var wide = r.U64();
            if (wide > long.MaxValue) throw r.Error(offset, "unit length out of range");
            length = (long)wide;
        }
        else if (length >= 0xfffffff0)
        {
            throw r.Error(offset, $"reserved unit length 0x{length:x}");
        }
        if (length > r.Length - r.Position) throw r.Error(offset, $"unit length 0x{length:x} runs past the end of the section");
        var end = r.Position + length;

        var version = r.U16();
        if (version is < 2 or > 5) throw r.Error(offset, $"unsupported DWARF version {version}");

        byte unitType;
        int addressSize;
        long abbrevOffset;
        ulong signature = 0;
        long typeOffset = 0;
        if (version >= 5)
        {
            unitType = r.U8();
            addressSize = r.U8();
            abbrevOffset = (long)r.UnsignedOfSize(offsetSize);
            switch (unitType)
            {
                case DwUt.Compile or DwUt.Partial:
                    break;
                case DwUt.Skeleton or DwUt.SplitCompile:
                    r.U64(); // dwo_id
                    break;
                case DwUt.Type or DwUt.SplitType:
                    signature = r.U64();
                    typeOffset = (long)r.UnsignedOfSize(offsetSize);
                    break;
                default:
                    throw r.Error(offset, $"unsupported unit type 0x{unitType:x}");
            }
        }
        else
        {
            abbrevOffset = (long)r.UnsignedOfSize(offsetSize);
            addressSize = r.U8();
            unitType = DwUt.Compile;
            if (inTypesSection)
            {
                unitType = DwUt.Type;
                signature = r.U64();
                typeOffset = (long)r.UnsignedOfSize(offsetSize);
            }
        }
        if (addressSize is not (1 or 2 or 4 or 8)) throw r.Error(offset, $"unsupported address size {addressSize}");
        if (abbrevOffset < 0) throw r.Error(offset, "abbreviation offset out of range");
        if (r.Position > end) throw r.Error(offset, "unit header longer than the unit");
        if (unitType is DwUt.Type or DwUt.SplitType && (typeOffset < r.Position - offset || typeOffset >= end - offset))
        {
            throw r.Error(offset, $"type offset 0x{typeOffset:x} outside the unit");
        }
        return new UnitHeader(offset, end, version, unitType, addressSize, offsetSize, abbrevOffset, signature, typeOffset, r.Position);
    }
}
