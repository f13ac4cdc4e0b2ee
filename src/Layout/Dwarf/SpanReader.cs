using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// A bounds-checked little-endian cursor over one section. Every read past the
/// end throws <see cref="DwarfFormatException"/> naming the section and offset,
/// so corrupt input never surfaces as an IndexOutOfRangeException.
/// </summary>
internal ref struct SpanReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly string _section;
    private int _position;

    public SpanReader(ReadOnlySpan<byte> data, string section, int position = 0)
    {
        _data = data;
        _section = section;
        if ((uint)position > (uint)data.Length) throw Error(position, "offset past the end of the section");
        _position = position;
    }

    public readonly int Position => _position;

    public readonly int Length => _data.Length;

    public readonly bool AtEnd => _position >= _data.Length;

    public readonly string Section => _section;

    public void Seek(long position)
    {
        if ((ulong)position > (ulong)_data.Length) throw Error(position, "offset past the end of the section");
        _position = (int)position;
    }

    public void Skip(ulong count)
    {
        if (count > (ulong)(_data.Length - _position)) throw Error(_position, $"skipping {count} bytes runs past the end");
        _position += (int)count;
    }

    public byte U8()
    {
        if (_position >= _data.Length) throw Truncated(1);
        return _data[_position++];
    }

    public ushort U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

    public uint U24()
    {
        var b = Take(3);
        return b[0] | ((uint)b[1] << 8) | ((uint)b[2] << 16);
    }

    public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public ulong U64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    /// <summary>An unsigned value of 1, 2, 4 or 8 bytes (addresses, offsets).</summary>
    public ulong UnsignedOfSize(int size) => size switch
    {
        1 => U8(),
        2 => U16(),
        4 => U32(),
        8 => U64(),
        _ => throw Error(_position, $"unsupported field size {size}"),
    };

    /// <summary>ULEB128 (DWARF 5, section 7.6). Bits past 64 must be zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Uleb()
    {
        if (_position < _data.Length)
        {
            var first = _data[_position];
            if (first < 0x80)
            {
                _position++;
                return first;
            }
        }
        return UlebSlow();
    }

    private ulong UlebSlow()
    {
        var start = _position;
        ulong result = 0;
        var shift = 0;
        while (true)
        {
            if (_position >= _data.Length) throw Error(start, "truncated LEB128 number");
            var b = _data[_position++];
            if (shift < 64) result |= (ulong)(b & 0x7f) << shift;
            else if ((b & 0x7f) != 0) throw Error(start, "LEB128 number does not fit in 64 bits");
            if (b < 0x80) return result;
            shift += 7;
        }
    }

    /// <summary>SLEB128 (DWARF 5, section 7.6).</summary>
    public long Sleb()
    {
        var start = _position;
        long result = 0;
        var shift = 0;
        byte b;
        do
        {
            if (_position >= _data.Length) throw Error(start, "truncated LEB128 number");
            b = _data[_position++];
            if (shift < 64) result |= (long)(b & 0x7f) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        if (shift < 64 && (b & 0x40) != 0) result |= -1L << shift;
        return result;
    }

    /// <summary>Skips a NUL-terminated string and returns where it started.</summary>
    public int SkipCString()
    {
        var start = _position;
        var length = CStringLength(_data[_position..]);
        if (length < 0) throw Error(start, "unterminated string");
        _position += length + 1;
        return start;
    }

    /// <summary>
    /// The length of a NUL-terminated string, or -1. Most DWARF inline strings
    /// (member names) are a few bytes, shorter than a vectorized search's setup.
    /// </summary>
    public static int CStringLength(ReadOnlySpan<byte> data)
    {
        var quick = Math.Min(data.Length, 16);
        for (var i = 0; i < quick; i++)
        {
            if (data[i] == 0) return i;
        }
        if (quick == data.Length) return -1;
        var rest = data[quick..].IndexOf((byte)0);
        return rest < 0 ? -1 : quick + rest;
    }

    public ReadOnlySpan<byte> Bytes(ulong count)
    {
        if (count > (ulong)(_data.Length - _position)) throw Truncated((long)Math.Min(count, long.MaxValue));
        var span = _data.Slice(_position, (int)count);
        _position += (int)count;
        return span;
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count > _data.Length - _position) throw Truncated(count);
        var span = _data.Slice(_position, count);
        _position += count;
        return span;
    }

    public readonly DwarfFormatException Error(long offset, string message) => new(_section, offset, message);

    private readonly DwarfFormatException Truncated(long wanted) =>
        new(_section, _position, $"truncated: {wanted} bytes wanted, {_data.Length - _position} left");
}
