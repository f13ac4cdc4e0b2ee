namespace LayoutExpert.Layout.Profiles;

/// <summary>How both profile formats write a symbol's address.</summary>
internal static class SymbolAddress
{
    /// <summary>
    /// x86-64 kernel addresses are canonical (bits 63-48 copy bit 47); dwarf2json
    /// and Rekall's profiles keep only the low 48 bits, and both frameworks add
    /// the kernel's base themselves.
    /// </summary>
    public static ulong ForProfile(ulong address, bool maskTo48Bits) => maskTo48Bits ? address & 0x0000_FFFF_FFFF_FFFF : address;
}
