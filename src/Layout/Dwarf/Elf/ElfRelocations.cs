using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Applies the REL/RELA sections that target one section, as a linker would.
/// In a relocatable object gcc's debug sections refer to each other through
/// relocations against section symbols (a DW_FORM_strp is R_X86_64_32 against
/// .debug_str plus the string's offset as addend, with zero in the field), so
/// strings and cross-section offsets are wrong until these are applied.
/// </summary>
internal static class ElfRelocations
{
    // x86-64 psABI, "Relocation Types".
    private const uint None = 0;
    private const uint Abs64 = 1;
    private const uint Pc32 = 2;
    private const uint DtpOff64 = 17;
    private const uint DtpOff32 = 21;
    private const uint Abs32 = 10;
    private const uint Abs32Signed = 11;
    private const uint Abs16 = 12;
    private const uint Abs8 = 14;
    private const uint Pc64 = 24;

    /// <summary>
    /// The decompressed contents of <paramref name="target"/> with its relocations
    /// applied (the contents themselves, uncopied, when nothing relocates them).
    /// <paramref name="sectionBases"/>, indexed by section, says where a section
    /// starts in a concatenation of same-named sections (several .debug_info in
    /// COMDAT groups), so a relocation against its section symbol lands on the
    /// right byte of the concatenation; null means 0 for all.
    /// </summary>
    public static ReadOnlyMemory<byte> Apply(ElfFile elf, ElfSection target, long[]? sectionBases)
    {
        var contents = elf.GetContents(target);
        byte[]? bytes = null;
        foreach (var rel in elf.Sections)
        {
            if ((rel.Type != ElfSection.TypeRela && rel.Type != ElfSection.TypeRel) || rel.Info != (uint)target.Index) continue;
            if (rel.Size == 0) continue;
            if (elf.Machine != ElfFile.MachineX86_64)
            {
                throw new DwarfFormatException(rel.Name, 0, $"relocations for machine {elf.Machine} are not supported (only x86-64)");
            }
            bytes ??= contents.ToArray();
            ApplySection(elf, rel, target, bytes, sectionBases);
        }
        return bytes ?? contents;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ApplySection(ElfFile elf, ElfSection rel, ElfSection target, byte[] bytes, long[]? sectionBases)
    {
        var isRela = rel.Type == ElfSection.TypeRela;
        var entrySize = isRela ? 24 : 16;
        var symbolTable = elf.Sections.FirstOrDefault(s => s.Type == ElfSection.TypeSymbolTable);
        if (symbolTable is null || rel.Link != (uint)symbolTable.Index)
        {
            throw new DwarfFormatException(rel.Name, 0, $"relocations refer to symbol table section {rel.Link}, which is not .symtab");
        }
        var data = elf.GetContents(rel).Span;
        var symbols = elf.Symbols.AsSpan();
        for (var at = 0; at + entrySize <= data.Length; at += entrySize)
        {
            var offset = BinaryPrimitives.ReadUInt64LittleEndian(data[at..]);
            var info = BinaryPrimitives.ReadUInt64LittleEndian(data[(at + 8)..]);
            var type = (uint)info;
            var symbolIndex = info >> 32;
            if (type == None) continue;

            var size = type switch
            {
                Abs64 or Pc64 or DtpOff64 => 8,
                Abs32 or Abs32Signed or Pc32 or DtpOff32 => 4,
                Abs16 => 2,
                Abs8 => 1,
                _ => throw new DwarfFormatException(rel.Name, at, $"unsupported x86-64 relocation type {type} in {target.Name}"),
            };
            if (offset > (ulong)bytes.Length || (ulong)bytes.Length - offset < (ulong)size)
            {
                throw new DwarfFormatException(rel.Name, at, $"relocation at 0x{offset:x} lies outside {target.Name} ({bytes.Length} bytes)");
            }
            var place = bytes.AsSpan((int)offset, size);
            var addend = isRela ? BinaryPrimitives.ReadInt64LittleEndian(data[(at + 16)..]) : ReadField(place);

            if (symbolIndex >= (ulong)symbols.Length)
            {
                throw new DwarfFormatException(rel.Name, at, $"relocation symbol {symbolIndex} out of range ({symbols.Length} symbols)");
            }
            var symbol = symbols[(int)symbolIndex];
            var s = (long)symbol.Value;
            if (sectionBases is not null && symbol.SectionIndex < sectionBases.Length) s += sectionBases[symbol.SectionIndex];

            var value = type is Pc32 or Pc64 ? s + addend - (long)(target.Address + offset) : s + addend;
            WriteField(place, value);
        }
        if (data.Length % entrySize != 0)
        {
            throw new DwarfFormatException(rel.Name, data.Length - (data.Length % entrySize), "truncated relocation entry");
        }
    }

    private static long ReadField(ReadOnlySpan<byte> place) => place.Length switch
    {
        8 => BinaryPrimitives.ReadInt64LittleEndian(place),
        4 => BinaryPrimitives.ReadInt32LittleEndian(place),
        2 => BinaryPrimitives.ReadInt16LittleEndian(place),
        _ => (sbyte)place[0],
    };

    private static void WriteField(Span<byte> place, long value)
    {
        switch (place.Length)
        {
            case 8: BinaryPrimitives.WriteInt64LittleEndian(place, value); break;
            case 4: BinaryPrimitives.WriteUInt32LittleEndian(place, (uint)value); break;
            case 2: BinaryPrimitives.WriteUInt16LittleEndian(place, (ushort)value); break;
            default: place[0] = (byte)value; break;
        }
    }
}
