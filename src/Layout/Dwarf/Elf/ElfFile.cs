using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Text;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// A 64-bit little-endian ELF file (System V gABI): its section headers, the
/// section names and the static symbol table. Relocatable objects (gcc -c, and
/// kernel modules) are the main target, but linked files read the same way.
/// </summary>
public sealed class ElfFile
{
    public const ushort TypeRelocatable = 1;
    public const ushort MachineX86_64 = 62;

    private const string Header = "ELF header";
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;
    private const int SymbolSize = 24;

    private readonly ReadOnlyMemory<byte> _image;

    private ElfFile(ReadOnlyMemory<byte> image, ushort type, ushort machine, ImmutableArray<ElfSection> sections)
    {
        _image = image;
        FileType = type;
        Machine = machine;
        Sections = sections;
        Symbols = ReadSymbols();
    }

    /// <summary>e_type: 1 relocatable, 2 executable, 3 shared object.</summary>
    public ushort FileType { get; }

    /// <summary>e_machine: 62 for x86-64.</summary>
    public ushort Machine { get; }

    public ImmutableArray<ElfSection> Sections { get; }

    /// <summary>The static symbol table (.symtab), index for index; empty when the file has none.</summary>
    public ImmutableArray<ElfSymbol> Symbols { get; }

    public bool IsRelocatable => FileType == TypeRelocatable;

    public static ElfFile Open(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Parses the ELF header, section headers and symbol table. The image is kept, not copied.</summary>
    public static ElfFile Read(ReadOnlyMemory<byte> image)
    {
        var data = image.Span;
        var reader = new SpanReader(data, Header);
        if (data.Length < HeaderSize) throw new DwarfFormatException(Header, 0, $"file of {data.Length} bytes is too short for an ELF header");
        if (data[0] != 0x7f || data[1] != (byte)'E' || data[2] != (byte)'L' || data[3] != (byte)'F')
        {
            throw new DwarfFormatException(Header, 0, "not an ELF file (bad magic)");
        }
        if (data[4] != 2) throw new DwarfFormatException(Header, 4, "only 64-bit ELF (ELFCLASS64) is supported");
        if (data[5] != 1) throw new DwarfFormatException(Header, 5, "only little-endian ELF (ELFDATA2LSB) is supported");

        reader.Seek(16);
        var type = reader.U16();
        var machine = reader.U16();
        reader.Seek(0x28);
        var sectionTable = reader.U64();
        reader.Seek(0x3a);
        var entrySize = reader.U16();
        var count = (ulong)reader.U16();
        var namesIndex = (uint)reader.U16();

        if (sectionTable == 0) return new ElfFile(image, type, machine, []);
        if (entrySize < SectionHeaderSize) throw new DwarfFormatException(Header, 0x3a, $"section header size {entrySize} is below 64");

        // gABI "Extended Section Numbering": with 0xff00 or more sections, e_shnum
        // is 0 and section 0's sh_size holds the count; with a large string table
        // index, e_shstrndx is SHN_XINDEX and section 0's sh_link holds it.
        var first = ReadRawHeader(data, sectionTable, 0, entrySize);
        if (count == 0) count = first.Size;
        if (namesIndex == 0xffff) namesIndex = first.Link;
        if (count > (ulong)data.Length / entrySize)
        {
            throw new DwarfFormatException(Header, 0x3c, $"{count} section headers cannot fit in a file of {data.Length} bytes");
        }

        var raw = new RawSectionHeader[count];
        for (var i = 0UL; i < count; i++) raw[i] = ReadRawHeader(data, sectionTable, i, entrySize);
        if (namesIndex >= count && count > 0) throw new DwarfFormatException(Header, 0x3e, $"section name table index {namesIndex} out of range");

        var names = count == 0 ? default : SectionBytes(data, raw[namesIndex], (int)namesIndex, "section names");
        var sections = ImmutableArray.CreateBuilder<ElfSection>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            var h = raw[i];
            var name = i == 0 && h.Name == 0 ? "" : CString(names, h.Name, ".shstrtab");
            sections.Add(new ElfSection(i, name, h.Type, h.Flags, h.Address, h.Offset, h.Size, h.Link, h.Info, h.Align, h.EntrySize));
            if (h.Type != ElfSection.TypeNoBits) SectionBytes(data, h, i, name);
        }
        return new ElfFile(image, type, machine, sections.MoveToImmutable());
    }

    /// <summary>The first section with this name, or null.</summary>
    public ElfSection? FindSection(string name)
    {
        foreach (var s in Sections)
        {
            if (s.Name == name) return s;
        }
        return null;
    }

    /// <summary>Every section with this name, in file order (relocatable objects can hold several .debug_info in COMDAT groups).</summary>
    public ImmutableArray<ElfSection> FindSections(string name) => [.. Sections.Where(s => s.Name == name)];

    /// <summary>The bytes of a section as stored in the file: no decompression, no relocation.</summary>
    public ReadOnlyMemory<byte> GetRawContents(ElfSection section)
    {
        if (section.Type == ElfSection.TypeNoBits) return ReadOnlyMemory<byte>.Empty;
        return _image.Slice((int)section.FileOffset, (int)section.Size);
    }

    /// <summary>The contents of a section, decompressed if it is SHF_COMPRESSED or a GNU .zdebug section.</summary>
    public ReadOnlyMemory<byte> GetContents(ElfSection section) => ElfDecompression.Contents(section, GetRawContents(section));

    /// <summary>
    /// The contents of a section with every REL/RELA section that targets it
    /// applied (decompressed first). See <see cref="ElfRelocations"/>.
    /// </summary>
    public ReadOnlyMemory<byte> GetRelocatedContents(ElfSection section) => ElfRelocations.Apply(this, section, null);

    private ImmutableArray<ElfSymbol> ReadSymbols()
    {
        var table = Sections.FirstOrDefault(s => s.Type == ElfSection.TypeSymbolTable);
        if (table is null) return [];
        if (table.Link >= Sections.Length) throw new DwarfFormatException(table.Name, 0, $"symbol string table index {table.Link} out of range");
        var strings = Sections[(int)table.Link];
        var stringBytes = GetRawContents(strings).Span;
        var bytes = GetRawContents(table).Span;
        var count = bytes.Length / SymbolSize;
        var symbols = ImmutableArray.CreateBuilder<ElfSymbol>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = bytes.Slice(i * SymbolSize, SymbolSize);
            var nameOffset = BinaryPrimitives.ReadUInt32LittleEndian(entry);
            var name = nameOffset == 0 ? "" : CString(stringBytes, nameOffset, strings.Name);
            symbols.Add(new ElfSymbol(
                name,
                BinaryPrimitives.ReadUInt64LittleEndian(entry[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(entry[16..]),
                entry[4],
                BinaryPrimitives.ReadUInt16LittleEndian(entry[6..])));
        }
        return symbols.MoveToImmutable();
    }

    private static RawSectionHeader ReadRawHeader(ReadOnlySpan<byte> data, ulong table, ulong index, ulong entrySize)
    {
        var at = table + (index * entrySize);
        if (table > (ulong)data.Length || at > (ulong)data.Length || (ulong)data.Length - at < SectionHeaderSize)
        {
            throw new DwarfFormatException(Header, (long)Math.Min(at, long.MaxValue), $"section header {index} lies outside the file");
        }
        var r = new SpanReader(data, "section header table", (int)at);
        return new RawSectionHeader(r.U32(), r.U32(), r.U64(), r.U64(), r.U64(), r.U64(), r.U32(), r.U32(), r.U64(), r.U64());
    }

    private static ReadOnlySpan<byte> SectionBytes(ReadOnlySpan<byte> data, RawSectionHeader h, int index, string name)
    {
        if (h.Type == ElfSection.TypeNoBits) return default;
        if (h.Offset > (ulong)data.Length || h.Size > (ulong)data.Length - h.Offset)
        {
            throw new DwarfFormatException(name, 0, $"section {index} (offset 0x{h.Offset:x}, size 0x{h.Size:x}) lies outside the file of {data.Length} bytes");
        }
        return data.Slice((int)h.Offset, (int)h.Size);
    }

    internal static string CString(ReadOnlySpan<byte> table, ulong offset, string section)
    {
        if (offset >= (ulong)table.Length) throw new DwarfFormatException(section, (long)Math.Min(offset, long.MaxValue), "string offset out of range");
        var rest = table[(int)offset..];
        var length = rest.IndexOf((byte)0);
        if (length < 0) throw new DwarfFormatException(section, (long)offset, "unterminated string");
        return Encoding.UTF8.GetString(rest[..length]);
    }

    private readonly record struct RawSectionHeader(
        uint Name, uint Type, ulong Flags, ulong Address, ulong Offset, ulong Size, uint Link, uint Info, ulong Align, ulong EntrySize);
}
