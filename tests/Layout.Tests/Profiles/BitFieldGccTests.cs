using System.Globalization;
using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Layout.Profiles.Rekall;
using LayoutExpert.TestSupport;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>
/// The bit-field encodings checked against memory real gcc wrote: a program
/// stores values in the bit-fields and dumps the struct's bytes; reading those
/// bytes the way Volatility 3 reads an ISF bit-field (the declared type at
/// <c>offset</c>, shifted right by <c>bit_position</c>, <c>bit_length</c> bits) and the
/// way Rekall reads a BitField (the storage unit at the field offset, bits
/// <c>start_bit</c>..<c>end_bit</c>) must give back the stored values.
/// </summary>
public sealed class BitFieldGccTests
{
    private const string Program = """
        #include <stdio.h>
        #include <string.h>
        enum color { RED, GREEN, BLUE, WHITE = 7 };
        struct flags { unsigned char a:3; unsigned int b:9; unsigned short c:7; unsigned int d:20; int e:5; enum color f:3; };
        static void dump(unsigned a, unsigned b, unsigned c, unsigned d, int e, enum color f) {
          struct flags s; memset(&s, 0, sizeof s);
          s.a = a; s.b = b; s.c = c; s.d = d; s.e = e; s.f = f;
          unsigned char *p = (unsigned char *)&s;
          printf("%zu", sizeof s);
          for (size_t i = 0; i < sizeof s; i++) printf(" %02x", p[i]);
          printf("\n");
        }
        int main(void) {
          dump(5, 0x1A5, 0x55, 0xABCDE, -3, WHITE);
          dump(7, 0x1FF, 0x7F, 0xFFFFF, -1, BLUE);
          dump(2, 0x0F0, 0x2A, 0x12345, 9, GREEN);
          return 0;
        }
        """;

    /// <summary>Values each dump() call stored, as raw bit patterns of each field's width.</summary>
    private static readonly ulong[][] Stored =
    [
        [5, 0x1A5, 0x55, 0xABCDE, unchecked((ulong)-3) & 0x1F, 7],
        [7, 0x1FF, 0x7F, 0xFFFFF, 0x1F, 2],
        [2, 0x0F0, 0x2A, 0x12345, 9, 1],
    ];

    private static readonly string[] Fields = ["a", "b", "c", "d", "e", "f"];

    /// <summary>gcc's x86-64 layout worked out by hand: a field moves to the next unit of its type when it would straddle one.</summary>
    private static LayoutSet FlagsLayout() => Layouts.Set(
        [Struct("flags", 8,
            Bits("a", 0, 3, B("unsigned char")),
            Bits("b", 3, 9, B("unsigned int")),
            Bits("c", 16, 7, B("short unsigned int")),
            Bits("d", 32, 20, B("unsigned int")),
            Bits("e", 52, 5, B("int")),
            Bits("f", 57, 3, E("color")))],
        [Enum("color", 4, "unsigned int", ("RED", 0), ("GREEN", 1), ("BLUE", 2), ("WHITE", 7))]);

    private static List<byte[]> GccDumps()
    {
        var output = Gcc.CompileAndRun(Program, "-O0");
        var dumps = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(parts =>
            {
                Assert.Equal("8", parts[0]);
                return parts[1..].Select(h => byte.Parse(h, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
            })
            .ToList();
        Assert.Equal(Stored.Length, dumps.Count);
        return dumps;
    }

    /// <summary>Little-endian read of <paramref name="size"/> bytes; bytes past the struct read as 0, as Volatility reads on into whatever follows.</summary>
    private static ulong Read(byte[] memory, long offset, long size)
    {
        ulong value = 0;
        for (var i = size - 1; i >= 0; i--)
        {
            var at = offset + i;
            value = (value << 8) | (at < memory.Length ? memory[at] : (byte)0);
        }
        return value;
    }

    private static ulong Mask(long bits) => bits >= 64 ? ulong.MaxValue : (1UL << (int)bits) - 1;

    [Fact]
    public void Isf_bitfields_read_back_what_gcc_stored()
    {
        var isf = IsfWriter.Build(new IsfInput(FlagsLayout(), new Dictionary<string, ulong>(), new Dictionary<string, TypeRef>(),
            null, new IsfProducer("t", "0"), [], [])).ToJson();
        var sizes = isf["base_types"]!;
        var enums = isf["enums"]!;
        var fields = isf["user_types"]!["flags"]!["fields"]!;
        foreach (var (memory, values) in GccDumps().Zip(Stored))
        {
            for (var i = 0; i < Fields.Length; i++)
            {
                var field = fields[Fields[i]]!;
                var bitfield = field["type"]!;
                var type = bitfield["type"]!;
                var size = (string)type["kind"]! == "enum" ? (long)enums[(string)type["name"]!]!["size"]! : (long)sizes[(string)type["name"]!]!["size"]!;
                var raw = Read(memory, (long)field["offset"]!, size);
                var value = (raw >> (int)bitfield["bit_position"]!) & Mask((long)bitfield["bit_length"]!);
                Assert.True(values[i] == value, $"field {Fields[i]}: gcc stored {values[i]:x}, ISF reads {value:x}");
            }
        }
    }

    [Fact]
    public void Rekall_bitfields_read_back_what_gcc_stored()
    {
        var rekall = RekallWriter.Build(new RekallInput(FlagsLayout(), new Dictionary<string, ulong>(), new Dictionary<string, string>())).ToJson();
        var fields = rekall["$STRUCTS"]!["flags"]![1]!;
        var unitSizes = new Dictionary<string, long> { ["unsigned char"] = 1, ["short unsigned int"] = 2, ["unsigned int"] = 4, ["int"] = 4 };
        foreach (var (memory, values) in GccDumps().Zip(Stored))
        {
            for (var i = 0; i < Fields.Length; i++)
            {
                var field = fields[Fields[i]]!;
                var args = field[1]![1]!;
                Assert.Equal("BitField", (string)field[1]![0]!);
                var start = (int)args["start_bit"]!;
                var end = (int)args["end_bit"]!;
                var raw = Read(memory, (long)field[0]!, unitSizes[(string)args["target"]!]);
                var value = (raw >> start) & Mask(end - start);
                Assert.True(values[i] == value, $"field {Fields[i]}: gcc stored {values[i]:x}, Rekall reads {value:x}");
            }
        }
    }

    [Fact]
    public void The_hand_layout_has_the_byte_crossing_and_unit_moving_cases()
    {
        var fields = IsfWriter.Build(new IsfInput(FlagsLayout(), new Dictionary<string, ulong>(), new Dictionary<string, TypeRef>(),
            null, new IsfProducer("t", "0"), [], [])).ToJson()["user_types"]!["flags"]!["fields"]!;
        // b spans bits 3..11: first byte 0, position 3, crossing into byte 1.
        AssertOffsetPosition(fields["b"]!, 0, 3);
        // e starts at bit 52: byte 6, position 4.
        AssertOffsetPosition(fields["e"]!, 6, 4);
        // f starts at bit 57: byte 7, position 1.
        AssertOffsetPosition(fields["f"]!, 7, 1);
    }

    private static void AssertOffsetPosition(JsonNode field, long offset, int position)
    {
        Assert.Equal(offset, (long)field["offset"]!);
        Assert.Equal(position, (int)field["type"]!["bit_position"]!);
    }
}
