using System.Buffers.Binary;
using System.Text;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Reads the varints and strings of one decoded section. Every read is
/// bounds-checked: running off the end, an over-long varint or a count larger
/// than the bytes left is an <see cref="InvalidDataException"/>, which the
/// reader reports as a corrupt file.
/// </summary>
internal ref struct ByteReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public readonly int Position => _position;

    public readonly bool AtEnd => _position == _data.Length;

    public readonly int Remaining => _data.Length - _position;

    public byte Byte()
    {
        if (_position >= _data.Length) throw Truncated();
        return _data[_position++];
    }

    public int Varint()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _data.Length) throw Truncated();
            var b = _data[_position++];
            value |= (uint)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                if (value > int.MaxValue || (shift == 28 && b > 0x07)) throw new InvalidDataException("integer out of range");
                return (int)value;
            }
        }
        throw new InvalidDataException("integer too long");
    }

    /// <summary>A varint below <paramref name="limit"/> (an index into a table of that size).</summary>
    public int Index(int limit, string what)
    {
        var value = Varint();
        if (value >= limit) throw new InvalidDataException($"{what} {value} out of range (0..{limit - 1})");
        return value;
    }

    /// <summary>A list count; each item takes at least one byte, so a count beyond the bytes left is corrupt (and never allocated).</summary>
    public int Count()
    {
        var count = Varint();
        if (count > Remaining) throw new InvalidDataException($"count {count} beyond the end of the section");
        return count;
    }

    public bool Bool() => Byte() switch
    {
        0 => false,
        1 => true,
        var b => throw new InvalidDataException($"boolean byte {b}"),
    };

    public uint UInt32()
    {
        if (Remaining < 4) throw Truncated();
        var value = BinaryPrimitives.ReadUInt32LittleEndian(_data[_position..]);
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> Bytes(int count)
    {
        if (count < 0 || count > Remaining) throw Truncated();
        var bytes = _data.Slice(_position, count);
        _position += count;
        return bytes;
    }

    public string String() => Encoding.UTF8.GetString(Bytes(Varint()));

    public readonly void ExpectEnd(string section)
    {
        if (!AtEnd) throw new InvalidDataException($"{Remaining} unexpected bytes at the end of the {section} section");
    }

    private static InvalidDataException Truncated() => new("data ends early");
}
