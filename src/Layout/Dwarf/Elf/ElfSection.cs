namespace LayoutExpert.Layout.Dwarf;

/// <summary>One entry of the ELF section header table (ELF-64 gABI, "Section Header").</summary>
public sealed record ElfSection(
    int Index,
    string Name,
    uint Type,
    ulong Flags,
    ulong Address,
    ulong FileOffset,
    ulong Size,
    uint Link,
    uint Info,
    ulong AddressAlignment,
    ulong EntrySize)
{
    public const uint TypeNull = 0;
    public const uint TypeProgBits = 1;
    public const uint TypeSymbolTable = 2;
    public const uint TypeStringTable = 3;
    public const uint TypeRela = 4;
    public const uint TypeNoBits = 8;
    public const uint TypeRel = 9;
    public const uint TypeDynamicSymbols = 11;

    /// <summary>SHF_COMPRESSED: the contents start with an Elf64_Chdr.</summary>
    public const ulong FlagCompressed = 0x800;

    public bool IsCompressed => (Flags & FlagCompressed) != 0;
}
