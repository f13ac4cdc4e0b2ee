using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Rekall;

/// <summary>
/// Rekall's <c>$STRUCTS</c>: <c>name -> [size, {field: [byte_offset, TYPE]}]</c>.
/// <para>
/// Anonymous members are lifted: Rekall has no "anonymous" flag, so a member
/// called <c>unnamed_field_0</c> would hide <c>task->field</c> behind a name no
/// one knows. C itself treats the members of an anonymous struct or union as
/// members of the enclosing record (C11 6.7.2.1p13), so they are written into
/// it at their absolute offsets (recursively). The anonymous types themselves
/// are still written under their own names.
/// </para>
/// <para>
/// Bit-fields: <c>["BitField", {"start_bit", "end_bit", "target"}]</c> with the
/// field offset at the start of the bit-field's storage unit, taken to be the
/// declared type's size, aligned down (the unit DWARF 2's DW_AT_byte_size /
/// DW_AT_bit_offset described and DWARF-made Rekall profiles used). Bits count
/// from the unit's least significant bit; <c>end_bit</c> is exclusive, so
/// Rekall reads <c>(unit &gt;&gt; start_bit) &amp; ((1 &lt;&lt; (end_bit - start_bit)) - 1)</c>.
/// The target is the declared base type (an enum's underlying base type).
/// </para>
/// </summary>
/// <para>
/// Members are encoded in declaration order (the order of the diagnostics) into
/// a scratch buffer and then put in key order; of two fields with one name the
/// first is kept.
/// </para>
internal sealed class RekallStructs(LayoutSet layouts, TypedefResolver typedefs, RekallTypeEncoder encoder, DiagnosticBag diagnostics)
{
    /// <summary>Depth of a field's key: root, <c>$STRUCTS</c>, the record's array, its fields object.</summary>
    private const int FieldDepth = 4;

    private readonly CanonicalJsonBuilder _fields = new(FieldDepth, 4096);
    private readonly List<(string Name, int Start, int End)> _written = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>Writes the <c>$STRUCTS</c> object.</summary>
    public void Build(CanonicalJsonBuilder json)
    {
        json.StartObject();
        foreach (var name in SortedKeys(layouts.Records))
        {
            var record = layouts.Records[name];
            _fields.Reset(FieldDepth);
            _written.Clear();
            _names.Clear();
            AddMembers(record, record, 0, [name]);
            _written.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));

            json.Property(name);
            json.StartArray();
            json.Item();
            json.Number(record.Size);
            json.Item();
            json.StartObject();
            var fields = _fields.WrittenSpan;
            foreach (var (_, start, end) in _written) json.RawMember(fields[start..end]);
            json.EndObject();
            json.EndArray();
        }
        json.EndObject();
    }

    private static IEnumerable<string> SortedKeys<T>(System.Collections.Immutable.ImmutableSortedDictionary<string, T> entries) =>
        ReferenceEquals(entries.KeyComparer, StringComparer.Ordinal) ? entries.Keys : entries.Keys.Order(StringComparer.Ordinal);

    private void AddMembers(RecordLayout outer, RecordLayout record, long baseBits, HashSet<string> lifting)
    {
        var names = AnonymousMemberNames.For(record, typedefs, diagnostics);
        for (var i = 0; i < record.Members.Length; i++)
        {
            var member = record.Members[i];
            if (names[i] is not { } name) continue;
            var bitOffset = baseBits + member.BitOffset;

            if (member.Name is null && typedefs.Peel(member.Type) is RecordTypeRef anonymous)
            {
                if (layouts.Records.TryGetValue(anonymous.Name, out var inner) && !lifting.Contains(anonymous.Name))
                {
                    lifting.Add(anonymous.Name);
                    AddMembers(outer, inner, bitOffset, lifting);
                    lifting.Remove(anonymous.Name);
                    continue;
                }
                diagnostics.Add(ProfileDiagnostics.UnknownRecord, outer.Name, bitOffset / 8, anonymous.Canonical);
            }

            var start = _fields.Length;
            _fields.Reset(FieldDepth, keepBytes: true);
            _fields.Property(name);
            var written = member.BitWidth is { } width
                ? BitField(outer, member, bitOffset, width)
                : Field(bitOffset, member.Type);
            if (!written)
            {
                _fields.Shrink(_fields.Length - start);
                continue;
            }
            if (!_names.Add(name))
            {
                _fields.Shrink(_fields.Length - start);
                diagnostics.Add(ProfileDiagnostics.RepeatedFieldName, outer.Name, name);
                continue;
            }
            _written.Add((name, start, _fields.Length));
        }
    }

    private bool Field(long bitOffset, TypeRef type)
    {
        _fields.StartArray();
        _fields.Item();
        _fields.Number(bitOffset / 8);
        _fields.Item();
        encoder.EncodeAsArray(_fields, type);
        _fields.EndArray();
        return true;
    }

    private bool BitField(RecordLayout outer, MemberLayout member, long bitOffset, int width)
    {
        var type = typedefs.Peel(member.Type);
        string target;
        switch (type)
        {
            case BaseTypeRef b:
                target = b.Name;
                break;
            case EnumTypeRef e:
                target = encoder.EnumBase(e.Name);
                break;
            default:
                diagnostics.Add(ProfileDiagnostics.BitFieldTypeNotScalar, outer.Name, member.Name ?? "<unnamed>", member.Type.Canonical);
                return false;
        }

        // Without a known size the unit shrinks to the byte holding the first bit.
        var unitBytes = typedefs.ScalarSize(type) is { } size and > 0 ? size : 1;
        var unitStart = bitOffset / (unitBytes * 8) * unitBytes;
        var startBit = bitOffset - unitStart * 8;
        var endBit = startBit + width;
        if (endBit > unitBytes * 8)
        {
            diagnostics.Add(ProfileDiagnostics.BitFieldCrossesStorageUnit,
                outer.Name, member.Name ?? "<unnamed>", bitOffset, bitOffset + width - 1, unitBytes, unitStart);
        }
        _fields.StartArray();
        _fields.Item();
        _fields.Number(unitStart);
        _fields.Item();
        _fields.StartArray();
        _fields.Item();
        _fields.Raw("\"BitField\""u8);
        _fields.Item();
        _fields.StartObject();
        _fields.Property("end_bit"u8);
        _fields.Number(endBit);
        _fields.Property("start_bit"u8);
        _fields.Number(startBit);
        _fields.Property("target"u8);
        _fields.String(target);
        _fields.EndObject();
        _fields.EndArray();
        _fields.EndArray();
        return true;
    }
}
