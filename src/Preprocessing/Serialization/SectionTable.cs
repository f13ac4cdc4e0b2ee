namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>The body's table of sections (see <see cref="PreAstFormat"/>): where each one is stored, how, and what it holds.</summary>
internal sealed class SectionTable
{
    private readonly byte[] _file;
    private readonly byte[] _codecs;
    private readonly int[] _offsets;
    private readonly int[] _stored;
    private readonly int[] _lengths;

    private SectionTable(byte[] file, SectionKind[] kinds, byte[] codecs, int[] offsets, int[] stored, int[] lengths)
    {
        _file = file;
        Kinds = kinds;
        _codecs = codecs;
        _offsets = offsets;
        _stored = stored;
        _lengths = lengths;
    }

    public SectionKind[] Kinds { get; }

    public int Count => Kinds.Length;

    public static SectionTable Read(byte[] file)
    {
        var table = new ByteReader(file.AsSpan(PreAstFormat.BodyOffset));
        var count = table.UInt32();
        if (count == 0 || count > table.Remaining / PreAstFormat.SectionEntrySize) throw new InvalidDataException($"{count} sections");
        var kinds = new SectionKind[count];
        var codecs = new byte[count];
        var stored = new int[count];
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            var kind = table.Byte();
            kinds[i] = kind <= (byte)SectionKind.Files ? (SectionKind)kind : throw new InvalidDataException($"unknown section kind {kind}");
            codecs[i] = table.Byte();
            stored[i] = (int)Math.Min(table.UInt32(), int.MaxValue);
            var length = table.UInt32();
            if (length > PreAstFormat.MaxSectionLength) throw new InvalidDataException($"a section of {length} bytes");
            lengths[i] = (int)length;
        }
        var offsets = new int[count + 1];
        offsets[0] = PreAstFormat.BodyOffset + table.Position;
        for (var i = 0; i < count; i++) offsets[i + 1] = (int)Math.Min((long)offsets[i] + stored[i], int.MaxValue);
        if (offsets[^1] != file.Length) throw new InvalidDataException("sections do not fill the file");
        return new SectionTable(file, kinds, codecs, offsets, stored, lengths);
    }

    /// <summary>Section <paramref name="index"/>'s bytes, inflated if it was deflated.</summary>
    public ReadOnlyMemory<byte> Decode(int index) =>
        SectionCodec.Decode(_file, _offsets[index], _stored[index], _codecs[index], _lengths[index]);

    /// <summary>Checks the sections come in the format's order, and says where each kind starts.</summary>
    public (int Strings, int Trivia, int Tokens, int Files) Layout()
    {
        var i = 0;
        if (Kinds[i++] != SectionKind.Head) throw new InvalidDataException("the first section is not the head");
        var strings = i;
        while (i < Count && Kinds[i] == SectionKind.Strings) i++;
        var trivia = i;
        if (i >= Count || Kinds[i++] != SectionKind.Trivia) throw new InvalidDataException("no trivia section after the strings");
        var tokens = i;
        while (i < Count && Kinds[i] == SectionKind.Tokens) i++;
        var files = i;
        while (i < Count && Kinds[i] == SectionKind.Files) i++;
        if (i != Count || files == Count) throw new InvalidDataException("sections out of order, or no files");
        return (strings, trivia, tokens, files);
    }
}
