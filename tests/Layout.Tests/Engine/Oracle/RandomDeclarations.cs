using System.Globalization;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// Random but valid GNU C declaration sets for property tests: structs and
/// unions nesting each other (by value, in arrays, as anonymous members and as
/// named members of anonymous type), bit-fields of every integer kind
/// (zero-width and unnamed included), packed and aligned on records, members
/// and typedefs, <c>#pragma pack</c>, enums of every size, mode typedefs,
/// vectors, flexible and zero-length arrays. Deterministic for a seed, so a
/// failing seed is a reproducible test case. Only constructs gcc accepts are
/// generated (the generator knows the x86-64 scalar sizes, an ABI fact, so it
/// never makes an array of over-aligned elements).
/// </summary>
public sealed class RandomDeclarations
{
    private readonly Random random;
    private readonly DeclarationBuilder builder = new();
    private readonly string prefix;
    private readonly List<Member> scalars = [];
    private readonly List<Member> integers = [];
    private readonly List<Member> records = [];
    private readonly List<RecordType> tagged = [];
    private int names;

    private RandomDeclarations(int seed)
    {
        random = new Random(seed);
        prefix = "g" + seed.ToString("x", CultureInfo.InvariantCulture) + "_";
    }

    /// <summary>A declaration set with <paramref name="recordCount"/> top-level structs/unions (plus typedefs, enums and nested anonymous records).</summary>
    public static Declarations Generate(int seed, int recordCount)
    {
        var generator = new RandomDeclarations(seed);
        generator.Populate(recordCount);
        return generator.builder.Build();
    }

    /// <summary>A type the generator may use, with what it needs to know to use it validly.</summary>
    private sealed record Member(CType Type, bool Arrayable, int Precision = 0);

    private static readonly (CType Type, int Size)[] IntegerScalars =
    [
        (C.Char, 1), (C.SChar, 1), (C.UChar, 1), (C.Short, 2), (C.UShort, 2), (C.Int, 4), (C.UInt, 4),
        (C.Long, 8), (C.ULong, 8), (C.LongLong, 8), (C.ULongLong, 8), (C.Int128, 16), (C.UInt128, 16),
    ];

    private static readonly CType[] OtherScalars =
    [
        C.Float, C.Double, C.LongDouble, C.Float128, C.ComplexFloat, C.ComplexDouble, C.ComplexLongDouble, C.Float16,
    ];

    private static readonly long[] Alignments = [1, 2, 4, 8, 16, 32, 64];

    private void Populate(int recordCount)
    {
        foreach (var (type, size) in IntegerScalars)
        {
            var member = new Member(type, true, size * 8);
            scalars.Add(member);
            integers.Add(member);
        }
        integers.Add(new Member(C.Bool, true, 1));
        scalars.Add(new Member(C.Bool, true, 1));
        foreach (var type in OtherScalars) scalars.Add(new Member(type, true));

        for (var i = 0; i < 2 + random.Next(3); i++) AddEnum();
        for (var i = 0; i < 3 + random.Next(5); i++) AddScalarTypedef();
        for (var i = 0; i < recordCount; i++)
        {
            var kind = random.Next(4) == 0 ? AggregateKind.Union : AggregateKind.Struct;
            var name = Name("r");
            int? pack = Chance(8) ? (int)Pick([1L, 2, 4, 8, 16]) : null;
            var record = kind == AggregateKind.Struct
                ? builder.Struct(name, r => Body(r, kind, pack, depth: 0))
                : builder.Union(name, r => Body(r, kind, pack, depth: 0));
            tagged.Add(record);
            records.Add(new Member(record, true));
            if (Chance(15)) AddRecordTypedef(record);
            if (Chance(10)) AddAnonymousTypedef();
        }
    }

    private void AddEnum()
    {
        Int128[] palette = [0, 1, 2, 3, 7, 100, 255, 256, 300, -1, -2, -128, -129, 0x7fff, 0x8000, 0x7fffffff, 0x80000000, 0xffffffff,
            0x100000000, -0x80000000L, -0x80000001L, 1L << 40, -(1L << 40), long.MaxValue];
        var count = 1 + random.Next(4);
        var values = Enumerable.Range(0, count).Select(_ => palette[random.Next(palette.Length)]).ToArray();
        if (values.All(v => v >= 0) && Chance(5)) values[0] = ulong.MaxValue;
        var packed = Chance(40);
        MachineMode? mode = null;
        if (Chance(15))
        {
            var needed = values.Max(v => Precision(v, values.Min() >= 0));
            var fitting = new[] { (MachineMode.QI, 8), (MachineMode.HI, 16), (MachineMode.SI, 32), (MachineMode.DI, 64), (MachineMode.Byte, 8), (MachineMode.Word, 64) }
                .Where(m => m.Item2 >= needed).ToArray();
            if (fitting.Length > 0) mode = fitting[random.Next(fitting.Length)].Item1;
        }
        var constants = values.Select(v => (Name("E").ToUpperInvariant(), v)).ToArray();
        var tagless = Chance(25);
        var type = builder.Enum(tagless ? null : Name("e"), packed, mode, constants);
        CType usable = tagless ? builder.Typedef(Name("te"), type) : type;
        if (!tagless && Chance(30))
        {
            // An enum typedef that changes the alignment; usable in arrays only if the size stays a multiple of it.
            var aligned = Pick(Alignments);
            usable = builder.Typedef(Name("tea"), type, aligned: aligned);
            integers.Add(new Member(usable, aligned == 1, 8));
            scalars.Add(new Member(usable, aligned == 1));
            return;
        }
        // Bit-fields of an enum stay within 8 bits: every enum type has at least that precision.
        integers.Add(new Member(usable, true, 8));
        scalars.Add(new Member(usable, true));
    }

    private static int Precision(Int128 value, bool isUnsigned)
    {
        var magnitude = value < 0 ? ~value : value;
        return 128 - (int)Int128.LeadingZeroCount(magnitude) + (isUnsigned ? 0 : 1);
    }

    private void AddScalarTypedef()
    {
        switch (random.Next(5))
        {
            case 0:
            case 1:
            {
                // An aligned typedef of an integer: raising or lowering its alignment.
                var (type, size) = IntegerScalars[random.Next(IntegerScalars.Length)];
                var align = Pick(Alignments);
                var typedef = builder.Typedef(Name("ta"), type, aligned: align);
                var member = new Member(typedef, Arrayable: size % align == 0, size * 8);
                integers.Add(member);
                scalars.Add(member);
                break;
            }
            case 2:
            {
                var modes = new[] { MachineMode.QI, MachineMode.HI, MachineMode.SI, MachineMode.DI, MachineMode.TI, MachineMode.Byte, MachineMode.Word, MachineMode.Pointer };
                var bits = new[] { 8, 16, 32, 64, 128, 8, 64, 64 };
                var index = random.Next(modes.Length);
                var typedef = builder.Typedef(Name("tm"), C.Mode(Chance(50) ? C.Int : C.UInt, modes[index]));
                var member = new Member(typedef, true, bits[index]);
                integers.Add(member);
                scalars.Add(member);
                break;
            }
            case 3:
            {
                var (element, size) = Pick([(C.Char, 1), (C.Short, 2), (C.Int, 4), (C.Long, 8), (C.Float, 4), (C.Double, 8)]);
                var bytes = size << random.Next(size == 8 ? 4 : 5);
                scalars.Add(new Member(builder.Typedef(Name("tv"), C.Vector(element, bytes)), true));
                break;
            }
            default:
            {
                var (type, _) = IntegerScalars[random.Next(IntegerScalars.Length)];
                var typedef = builder.Typedef(Name("t"), type);
                var member = new Member(typedef, true, Precision: integers.First(m => m.Type == type).Precision);
                integers.Add(member);
                scalars.Add(member);
                break;
            }
        }
    }

    private void AddRecordTypedef(RecordType record)
    {
        var aligned = Chance(50) ? Pick(Alignments) : (long?)null;
        records.Add(new Member(builder.Typedef(Name("tr"), record, aligned), Arrayable: aligned is null));
    }

    private void AddAnonymousTypedef()
    {
        var kind = Chance(70) ? AggregateKind.Struct : AggregateKind.Union;
        int? pack = Chance(10) ? (int)Pick([1L, 2, 4]) : null;
        var anonymous = Anonymous(kind, pack, depth: 1);
        if (Chance(25))
        {
            // typedef struct { ... } __attribute__((aligned)) would align the struct; this aligns the typedef's variant.
            records.Add(new Member(builder.Typedef(Name("tt"), anonymous, RandomAlignment()), Arrayable: false));
            return;
        }
        records.Add(new Member(builder.Typedef(Name("tt"), anonymous), true));
    }

    /// <summary>aligned(N), bare aligned, or both on one declaration.</summary>
    private AlignedAttribute RandomAlignment() => random.Next(10) switch
    {
        0 => AlignedAttribute.Bare,
        1 => AlignedAttribute.Combine(AlignedAttribute.Bare, AlignedAttribute.Of(Pick(Alignments))),
        _ => AlignedAttribute.Of(Pick(Alignments)),
    };

    private RecordType Anonymous(AggregateKind kind, int? pack, int depth) =>
        kind == AggregateKind.Struct
            ? builder.AnonymousStruct(r => Body(r, kind, pack, depth))
            : builder.AnonymousUnion(r => Body(r, kind, pack, depth));

    private void Body(RecordBuilder record, AggregateKind kind, int? pack, int depth)
    {
        if (pack is { } p) record.PackPragma(p);
        if (Chance(18)) record.Packed();
        if (Chance(14)) record.Add(RandomAlignment());
        if (kind == AggregateKind.Union && Chance(3)) record.TransparentUnion();
        if (kind == AggregateKind.Struct && Chance(3)) record.DesignatedInit();

        var count = random.Next(depth == 0 ? 9 : 5);
        var sawNamed = false;
        for (var i = 0; i < count; i++)
        {
            var roll = random.Next(100);
            if (roll < 35)
            {
                sawNamed |= BitField(record);
                continue;
            }
            else if (roll < 60) Plain(record, Pick(scalars));
            else if (roll < 68) record.Field(Name("p"), Pointer());
            else if (roll < 78 && records.Count > 0) Plain(record, Pick(records));
            else if (roll < 86 && depth < 3) record.Anonymous(Anonymous(Chance(50) ? AggregateKind.Struct : AggregateKind.Union, pack, depth + 1));
            else if (roll < 92 && depth < 3)
            {
                CType nested = Anonymous(Chance(60) ? AggregateKind.Struct : AggregateKind.Union, pack, depth + 1);
                if (Chance(30)) nested = C.Array(nested, 1 + random.Next(3));
                record.Field(Name("n"), nested, aligned: Chance(10) ? Pick(Alignments) : null, packed: Chance(10));
            }
            else if (roll < 95) record.Field(Name("z"), C.Array(Pick(scalars.Where(s => s.Arrayable).ToList()).Type, 0));
            else Unusual(record);
            sawNamed = true;
        }
        if (kind == AggregateKind.Struct && sawNamed && Chance(10))
        {
            record.Field(Name("flex"), C.Flex(Pick(scalars.Where(s => s.Arrayable).ToList()).Type));
        }
    }

    /// <summary>Declarations whose C spelling is unusual: inline vectors and modes, inline anonymous enums, pointers to arrays, typedef'd arrays.</summary>
    private void Unusual(RecordBuilder record)
    {
        switch (random.Next(6))
        {
            case 0:
            {
                var (element, size) = Pick([(C.UChar, 1), (C.Short, 2), (C.UInt, 4), (C.Long, 8), (C.Float, 4), (C.Double, 8)]);
                CType vector = C.Vector(element, size << random.Next(size == 8 ? 4 : 5));
                if (Chance(30)) vector = C.Array(vector, 1 + random.Next(3));
                record.Field(Name("v"), vector, aligned: Chance(15) ? Pick(Alignments) : null, packed: Chance(15));
                break;
            }
            case 1:
                record.Field(Name("md"), C.Mode(Chance(50) ? C.Int : C.ULong, Pick([MachineMode.QI, MachineMode.HI, MachineMode.SI, MachineMode.DI, MachineMode.TI])));
                break;
            case 2:
            {
                Int128[] values = [0, 1, -1, 200, 70000, 0x80000000, 1L << 33];
                var constants = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => (Name("A").ToUpperInvariant(), values[random.Next(values.Length)])).ToArray();
                var @enum = builder.Enum(null, Chance(50), null, constants);
                if (Chance(50)) record.Field(Name("ae"), @enum);
                else record.BitField(Name("ab"), @enum, 1 + random.Next(8));
                break;
            }
            case 3:
                record.Field(Name("pa"), C.Ptr(C.Array(Pick(scalars.Where(s => s.Arrayable).ToList()).Type, 1 + random.Next(4))));
                break;
            case 4:
                record.Field(Name("cp"), CTypes.Qualify(C.Ptr(C.Const(C.Char)), TypeQualifiers.Const | TypeQualifiers.Volatile));
                break;
            default:
            {
                var element = Pick(scalars.Where(s => s.Arrayable).ToList()).Type;
                var typedef = builder.Typedef(Name("tarr"), C.Array(element, 1 + random.Next(4)), aligned: Chance(40) ? Pick(Alignments) : null);
                record.Field(Name("ta"), typedef);
                break;
            }
        }
    }

    private void Plain(RecordBuilder record, Member member)
    {
        var type = member.Type;
        if (member.Arrayable && Chance(20))
        {
            type = C.Array(type, random.Next(5));
            if (Chance(20)) type = C.Array(type, 1 + random.Next(3));
        }
        // Qualifiers change nothing; they must only not make a record with bit-fields unassignable in the probe.
        if (Chance(8) && member.Type.StripTypedefsAndQualifiers() is not RecordType) type = Chance(50) ? C.Const(type) : C.Volatile(type);
        AlignedAttribute? aligned = Chance(12) ? RandomAlignment() : null;
        var packed = Chance(12);
        record.Add(new Field(Name("m"), type, null, new FieldAttributes(packed, aligned)));
    }

    /// <summary>Adds a bit-field; returns whether it is named (a flexible array needs a named member before it).</summary>
    private bool BitField(RecordBuilder record)
    {
        var member = Pick(integers);
        var unnamed = Chance(20);
        long width;
        if (unnamed && Chance(40)) width = 0;
        else width = 1 + random.Next(member.Precision);
        var packed = Chance(10);
        var aligned = !unnamed && Chance(4) ? Pick(Alignments) : (long?)null;
        record.BitField(unnamed ? null : Name("b"), member.Type, width, packed, aligned);
        return !unnamed;
    }

    private CType Pointer()
    {
        var roll = random.Next(5);
        if (roll == 0 || tagged.Count == 0) return C.Ptr(C.Void);
        if (roll == 1) return C.FnPtr(C.Int, C.Ptr(C.Void), C.Long);
        if (roll == 2) return C.Ptr(builder.Incomplete(AggregateKind.Struct, prefix + "opaque"));
        return C.Ptr(Pick(tagged));
    }

    private string Name(string kind) => prefix + kind + (names++).ToString(CultureInfo.InvariantCulture);

    private bool Chance(int percent) => random.Next(100) < percent;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
