using System.Text.Json.Nodes;
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
internal sealed class RekallStructs(LayoutSet layouts, TypedefResolver typedefs, RekallTypeEncoder encoder, DiagnosticBag diagnostics)
{
    public JsonObject Build()
    {
        var result = new JsonObject();
        foreach (var (name, record) in layouts.Records.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var fields = new JsonObject();
            AddMembers(record, record, 0, fields, [name]);
            result[name] = new JsonArray(record.Size, fields);
        }
        return result;
    }

    private void AddMembers(RecordLayout outer, RecordLayout record, long baseBits, JsonObject fields, HashSet<string> lifting)
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
                    AddMembers(outer, inner, bitOffset, fields, lifting);
                    lifting.Remove(anonymous.Name);
                    continue;
                }
                diagnostics.Add(ProfileDiagnostics.UnknownRecord, outer.Name, bitOffset / 8, anonymous.Canonical);
            }

            var field = member.BitWidth is { } width
                ? BitField(outer, member, bitOffset, width)
                : new JsonArray(bitOffset / 8, encoder.EncodeAsArray(member.Type));
            if (field is null) continue;
            if (fields.ContainsKey(name))
            {
                diagnostics.Add(ProfileDiagnostics.RepeatedFieldName, outer.Name, name);
                continue;
            }
            fields[name] = field;
        }
    }

    private JsonArray? BitField(RecordLayout outer, MemberLayout member, long bitOffset, int width)
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
                return null;
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
        return new JsonArray(unitStart, new JsonArray("BitField", new JsonObject
        {
            ["start_bit"] = startBit,
            ["end_bit"] = endBit,
            ["target"] = target,
        }));
    }
}
