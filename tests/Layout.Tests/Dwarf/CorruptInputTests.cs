using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Dwarf;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// Truncated or damaged objects: reading must either succeed or throw
/// <see cref="DwarfFormatException"/>, never an IndexOutOfRange, NullReference,
/// overflow or stack overflow.
/// </summary>
public sealed class CorruptInputTests(CorruptInputTests.Objects objects) : IClassFixture<CorruptInputTests.Objects>
{
    public sealed class Objects
    {
        private static readonly string Source = RecordTests.Source + EnumTests.Source + BitFieldTests.Source.Replace("enum color", "enum colour");

        public byte[] Dwarf5 { get; } = File.ReadAllBytes(DwarfCompiler.Object(Source, DwarfFlags.Dwarf5));

        public byte[] Dwarf4 { get; } = File.ReadAllBytes(DwarfCompiler.Object(Source, DwarfFlags.Dwarf4, "-fdebug-types-section"));

        public byte[] Dwarf2 { get; } = File.ReadAllBytes(DwarfCompiler.Object(Source, DwarfFlags.Dwarf2, "-gz=zlib"));

        /// <summary>Two units linked with ld -r, as a kernel module is: repeated definitions, two .debug_str copies.</summary>
        public byte[] Linked { get; } = File.ReadAllBytes(RepeatedUnitTests.Link(DwarfFlags.Dwarf5, RepeatedUnitTests.Unit(1), RepeatedUnitTests.Unit(2)));
    }

    private static bool ReadsOrFailsCleanly(byte[] image)
    {
        try
        {
            DwarfReader.ReadLayouts(ElfFile.Read(image));
            return true;
        }
        catch (DwarfFormatException)
        {
            return true;
        }
    }

    private IEnumerable<byte[]> All => [objects.Dwarf5, objects.Dwarf4, objects.Dwarf2, objects.Linked];

    [Fact]
    public void The_originals_read()
    {
        foreach (var image in All) Assert.NotEmpty(DwarfReader.ReadLayouts(ElfFile.Read(image)).Records);
    }

    [Fact]
    public void Every_truncation_fails_cleanly()
    {
        foreach (var image in All)
        {
            for (var length = 0; length < image.Length; length += 1 + (length / 64))
            {
                Assert.True(ReadsOrFailsCleanly(image[..length]), $"length {length}");
            }
        }
    }

    [Fact]
    public void Flipped_bytes_fail_cleanly()
    {
        var images = All.ToArray();
        var damage = from which in Gen.Choose(0, images.Length - 1)
                     from count in Gen.Choose(1, 8)
                     from spots in Gen.ListOf(Gen.Zip(Gen.Choose(0, int.MaxValue), Gen.Choose(0, 255)), count)
                     select (which, spots);
        Prop.ForAll(damage.ToArbitrary(), d =>
        {
            var image = (byte[])images[d.which].Clone();
            foreach (var (at, value) in d.spots) image[at % image.Length] = (byte)value;
            return ReadsOrFailsCleanly(image);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(800));
    }

    [Fact]
    public void Damage_inside_debug_sections_fails_cleanly()
    {
        // Random flips mostly land in code and symbols; aim at .debug_* and .rela.debug_*.
        foreach (var original in All)
        {
            var elf = ElfFile.Read(original);
            var targets = elf.Sections.Where(s => s.Name.Contains("debug", StringComparison.Ordinal) && s.Size > 0).ToArray();
            var damage = from section in Gen.Elements(targets)
                         from at in Gen.Choose(0, (int)section.Size - 1)
                         from value in Gen.Elements<byte>(0, 1, 0x7f, 0x80, 0xff, 0x13, 0x21)
                         from width in Gen.Choose(1, 4)
                         select (section, at, value, width);
            Prop.ForAll(damage.ToArbitrary(), d =>
            {
                var image = (byte[])original.Clone();
                for (var i = 0; i < d.width && d.at + i < (int)d.section.Size; i++) image[(int)d.section.FileOffset + d.at + i] = d.value;
                return ReadsOrFailsCleanly(image);
            }).Check(Config.QuickThrowOnFailure.WithMaxTest(400));
        }
    }
}
