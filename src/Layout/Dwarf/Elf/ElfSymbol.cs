namespace LayoutExpert.Layout.Dwarf;

/// <summary>One Elf64_Sym. In a relocatable object <see cref="Value"/> is an offset into section <see cref="SectionIndex"/>.</summary>
public sealed record ElfSymbol(string Name, ulong Value, ulong Size, byte Info, ushort SectionIndex)
{
    public const byte TypeSection = 3;

    public byte SymbolType => (byte)(Info & 0xf);

    public byte Binding => (byte)(Info >> 4);

    /// <summary>Section indexes at or above SHN_LORESERVE (0xff00) are special (absolute, common, ...), not sections.</summary>
    public bool IsInSection => SectionIndex != 0 && SectionIndex < 0xff00;
}
