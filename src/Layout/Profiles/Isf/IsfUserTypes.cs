using LayoutExpert.Layout.Model;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// One <c>user_types</c> entry: <c>"name": {fields, kind, size}</c>, fields keyed
/// by member name (<see cref="AnonymousMemberNames"/> for anonymous members).
/// Members are encoded in declaration order, since that is the order of the
/// diagnostics encoding gives, and their bytes are then put in key order;
/// where two members share a name the later one is the field, as assigning
/// keys in order would leave it.
/// <para>
/// Bit-fields follow dwarf2json: the field's <c>offset</c> is the byte holding
/// the field's first bit and <c>bit_position</c> (0-7) counts from that byte's
/// least significant bit, so Volatility reads the declared type at that offset,
/// shifts right by <c>bit_position</c> and keeps <c>bit_length</c> bits.
/// </para>
/// </summary>
internal sealed class IsfUserTypes(TypedefResolver typedefs, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
{
    /// <summary>Depth of a user type's key: root, <c>user_types</c>.</summary>
    public const int Depth = 2;

    private readonly CanonicalJsonBuilder _fields = new(Depth + 2, 4096);
    private readonly CanonicalJsonBuilder _entry = new(Depth, 4096);
    private readonly List<(string Name, int Index, int Start, int End)> _written = [];
    private readonly LayoutReads _reads = new();
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly HashSet<string> _usedBaseTypes = new(StringComparer.Ordinal);

    /// <summary>Encodes <paramref name="record"/>, recording what a later build needs to reuse the bytes.</summary>
    public RecordFragment Encode(RecordLayout record)
    {
        _reads.Clear();
        _diagnostics.Clear();
        _usedBaseTypes.Clear();
        typedefs.Reads = _reads;
        diagnostics.Recorder = _diagnostics;
        var used = encoder.UsedBaseTypes;
        encoder.UsedBaseTypes = _usedBaseTypes;
        try
        {
            Write(record);
        }
        finally
        {
            typedefs.Reads = null;
            diagnostics.Recorder = null;
            encoder.UsedBaseTypes = used;
        }
        return new RecordFragment(record, _entry.ToArray(), _reads.Copy(), [.. _diagnostics], [.. _usedBaseTypes]);
    }

    private void Write(RecordLayout record)
    {
        var names = AnonymousMemberNames.For(record, typedefs, diagnostics);
        _fields.Reset(Depth + 2);
        _written.Clear();
        for (var i = 0; i < record.Members.Length; i++)
        {
            if (names[i] is not { } fieldName) continue;
            var start = _fields.Length;
            _fields.Reset(Depth + 2, keepBytes: true);
            if (Field(record, record.Members[i], fieldName)) _written.Add((fieldName, i, start, _fields.Length));
        }
        _written.Sort(static (a, b) => a.Name == b.Name ? a.Index.CompareTo(b.Index) : string.CompareOrdinal(a.Name, b.Name));

        _entry.Reset(Depth);
        _entry.Property(record.Name);
        _entry.StartObject();
        _entry.Property("fields"u8);
        _entry.StartObject();
        var fields = _fields.WrittenSpan;
        for (var i = 0; i < _written.Count; i++)
        {
            if (i + 1 < _written.Count && _written[i + 1].Name == _written[i].Name) continue;
            _entry.RawMember(fields[_written[i].Start.._written[i].End]);
        }
        _entry.EndObject();
        _entry.Property("kind"u8);
        _entry.Raw(record.Kind == RecordKind.Struct ? "\"struct\""u8 : "\"union\""u8);
        _entry.Property("size"u8);
        _entry.Number(record.Size);
        _entry.EndObject();
    }

    /// <summary>Writes <c>"name": {anonymous?, offset, type}</c>; false (nothing written) for a bit-field ISF cannot describe.</summary>
    private bool Field(RecordLayout record, MemberLayout member, string name)
    {
        if (member.BitWidth is { } width) return BitField(record, member, width, name);
        StartField(member, name, member.ByteOffset);
        encoder.Encode(_fields, member.Type);
        _fields.EndObject();
        return true;
    }

    /// <summary>Opens <c>"name": {anonymous?, offset, type: </c>; the caller writes the type and closes the object.</summary>
    private void StartField(MemberLayout member, string name, long offset)
    {
        _fields.Property(name);
        _fields.StartObject();
        if (member.Name is null)
        {
            _fields.Property("anonymous"u8);
            _fields.Bool(true);
        }
        _fields.Property("offset"u8);
        _fields.Number(offset);
        _fields.Property("type"u8);
    }

    /// <summary>dwarf2json's convention: offset = byte of the first bit, bit_position = the bit within it (0-7).</summary>
    private bool BitField(RecordLayout record, MemberLayout member, int width, string name)
    {
        var type = typedefs.Peel(member.Type);
        if (type is not (BaseTypeRef or EnumTypeRef))
        {
            diagnostics.Add(ProfileDiagnostics.BitFieldTypeNotScalar, record.Name, member.Name ?? "<unnamed>", member.Type.Canonical);
            return false;
        }
        var offset = member.BitOffset / 8;
        var position = (int)(member.BitOffset % 8);
        if (typedefs.ScalarSize(type) is { } size && position + width > size * 8)
        {
            diagnostics.Add(ProfileDiagnostics.BitFieldExceedsBaseType,
                record.Name, member.Name ?? "<unnamed>", position + width, offset, type.Canonical, size * 8);
        }
        StartField(member, name, offset);
        _fields.StartObject();
        _fields.Property("bit_length"u8);
        _fields.Number(width);
        _fields.Property("bit_position"u8);
        _fields.Number(position);
        _fields.Property("kind"u8);
        _fields.Raw("\"bitfield\""u8);
        _fields.Property("type"u8);
        encoder.Encode(_fields, type);
        _fields.EndObject();
        _fields.EndObject();
        return true;
    }
}
