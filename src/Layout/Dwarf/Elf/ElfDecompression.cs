using System.Buffers.Binary;
using System.IO.Compression;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Compressed debug sections: SHF_COMPRESSED with an Elf64_Chdr (gABI, gcc -gz)
/// and the older GNU ".zdebug_*" form ("ZLIB" + 8-byte big-endian size).
/// Only zlib is supported; zstd has no decoder in the .NET base library.
/// </summary>
internal static class ElfDecompression
{
    private const uint CompressZlib = 1;
    private const uint CompressZstd = 2;
    private const int ChdrSize = 24;

    // deflate cannot expand by more than about 1032:1, so a declared size far
    // beyond that is corruption, not a reason to allocate gigabytes.
    private const long MaxRatio = 1100;

    public static bool IsGnuCompressed(ElfSection section) => section.Name.StartsWith(".zdebug", StringComparison.Ordinal);

    public static ReadOnlyMemory<byte> Contents(ElfSection section, ReadOnlyMemory<byte> raw)
    {
        if (section.IsCompressed) return FromChdr(section, raw);
        if (IsGnuCompressed(section)) return FromGnu(section, raw);
        return raw;
    }

    /// <summary>The size of <see cref="Contents"/> without decompressing (from the Chdr or the "ZLIB" header).</summary>
    public static long UncompressedSize(ElfSection section, ReadOnlySpan<byte> raw)
    {
        if (section.IsCompressed)
        {
            if (raw.Length < ChdrSize) throw new DwarfFormatException(section.Name, 0, "compressed section too short for its Elf64_Chdr");
            return (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(raw[8..]), long.MaxValue);
        }
        if (IsGnuCompressed(section))
        {
            if (raw.Length < 12) throw new DwarfFormatException(section.Name, 0, "GNU compressed section without its \"ZLIB\" header");
            return (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(raw[4..]), long.MaxValue);
        }
        return raw.Length;
    }

    private static byte[] FromChdr(ElfSection section, ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (span.Length < ChdrSize) throw new DwarfFormatException(section.Name, 0, "compressed section too short for its Elf64_Chdr");
        var type = BinaryPrimitives.ReadUInt32LittleEndian(span);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(span[8..]);
        if (type == CompressZstd) throw new DwarfFormatException(section.Name, 0, "zstd-compressed sections are not supported (use zlib, e.g. gcc -gz=zlib)");
        if (type != CompressZlib) throw new DwarfFormatException(section.Name, 0, $"unknown compression type {type}");
        return Inflate(section, raw[ChdrSize..], size, ChdrSize);
    }

    private static byte[] FromGnu(ElfSection section, ReadOnlyMemory<byte> raw)
    {
        var span = raw.Span;
        if (span.Length < 12 || !span[..4].SequenceEqual("ZLIB"u8))
        {
            throw new DwarfFormatException(section.Name, 0, "GNU compressed section without its \"ZLIB\" header");
        }
        return Inflate(section, raw[12..], BinaryPrimitives.ReadUInt64BigEndian(span[4..]), 12);
    }

    private static byte[] Inflate(ElfSection section, ReadOnlyMemory<byte> compressed, ulong size, int headerSize)
    {
        if (size > (ulong)(compressed.Length * MaxRatio) + 1024 || size > int.MaxValue)
        {
            throw new DwarfFormatException(section.Name, 0, $"declared uncompressed size {size} is impossible for {compressed.Length} compressed bytes");
        }
        var result = new byte[size];
        try
        {
            using var input = new MemoryStream(compressed.ToArray(), writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            var filled = 0;
            while (filled < result.Length)
            {
                var n = zlib.Read(result, filled, result.Length - filled);
                if (n == 0) break;
                filled += n;
            }
            if (filled != result.Length || zlib.ReadByte() != -1)
            {
                throw new DwarfFormatException(section.Name, headerSize, $"decompressed size differs from the declared {size} bytes");
            }
        }
        catch (InvalidDataException e)
        {
            throw new DwarfFormatException(section.Name, headerSize, "corrupt zlib stream: " + e.Message, e);
        }
        return result;
    }
}
