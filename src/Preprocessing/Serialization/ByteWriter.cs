using System.Buffers.Binary;
using System.Text;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>A growable byte buffer with the format's varints and strings (see <see cref="PreAstFormat"/>).</summary>
internal sealed class ByteWriter(int capacity = 4096)
{
    private byte[] _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    public void Byte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    /// <summary>Unsigned LEB128: seven bits a byte, low bits first, high bit set on all but the last.</summary>
    public void Varint(int value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "varints are not negative");
        Ensure(5);
        var v = (uint)value;
        while (v >= 0x80)
        {
            _buffer[Length++] = (byte)(v | 0x80);
            v >>= 7;
        }
        _buffer[Length++] = (byte)v;
    }

    public void UInt32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_buffer.AsSpan(Length), value);
        Length += 4;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    /// <summary>A string: its UTF-8 byte length, then the bytes.</summary>
    public void String(string value)
    {
        Varint(Encoding.UTF8.GetByteCount(value));
        Utf8(value);
    }

    /// <summary>A string's UTF-8 bytes alone.</summary>
    public void Utf8(string value)
    {
        Ensure(Encoding.UTF8.GetMaxByteCount(value.Length));
        Length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(Length));
    }

    private void Ensure(int more)
    {
        if (Length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
    }
}
