using System.IO.Compression;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>How a section's bytes are stored: as they are, or raw deflate at the fastest level (the framework's zlib-ng).</summary>
internal static class SectionCodec
{
    public static byte[] Encode(ReadOnlySpan<byte> data, byte codec)
    {
        if (codec == PreAstFormat.Stored) return data.ToArray();
        using var output = new MemoryStream(data.Length / 3 + 64);
        using (var deflate = new DeflateStream(output, CompressionLevel.Fastest, leaveOpen: true)) deflate.Write(data);
        return output.ToArray();
    }

    /// <summary>Decodes a section stored at <paramref name="offset"/> of the file into exactly <paramref name="length"/> bytes; anything else is an <see cref="InvalidDataException"/> (or the stream's <see cref="EndOfStreamException"/>).</summary>
    public static ReadOnlyMemory<byte> Decode(byte[] file, int offset, int storedLength, byte codec, int length)
    {
        switch (codec)
        {
            case PreAstFormat.Stored:
                if (storedLength != length) throw new InvalidDataException("stored section length differs from its decoded length");
                return file.AsMemory(offset, length);
            case PreAstFormat.Deflate:
                var data = GC.AllocateUninitializedArray<byte>(length);
                using (var deflate = new DeflateStream(new MemoryStream(file, offset, storedLength, writable: false), CompressionMode.Decompress))
                {
                    deflate.ReadExactly(data);
                    if (deflate.ReadByte() >= 0) throw new InvalidDataException("section decodes to more bytes than recorded");
                }
                return data;
            default:
                throw new InvalidDataException($"unknown section codec {codec}");
        }
    }
}
