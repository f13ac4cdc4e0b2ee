using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Dwarf;

internal sealed partial class LayoutBuilder
{
    private RecordLayout BuildRecord(int index, string? name, int depth)
    {
        ref readonly var e = ref _dies[index];
        if (!e.Is(EntryFields.ByteSize)) throw Error(e.Offset, "complete struct or union without DW_AT_byte_size");
        var kind = e.Tag == DwTag.UnionType ? RecordKind.Union : RecordKind.Struct;
        var count = 0;
        for (var child = e.FirstChild; child >= 0; child = _dies[child].NextSibling)
        {
            if (_dies[child].Tag == DwTag.Member) count++;
        }
        var members = ImmutableArray.CreateBuilder<MemberLayout>(count);
        for (var child = e.FirstChild; child >= 0; child = _dies[child].NextSibling)
        {
            if (_dies[child].Tag != DwTag.Member) continue;
            var member = BuildMember(child, depth + 1);
            // Every union member is at bit 0 in gcc (stor-layout.cc place_union_field). gcc 12 describes a union's
            // bit-fields the old way (DW_AT_bit_offset within a storage unit) and omits DW_AT_data_member_location
            // for union members, even when the storage unit it reckons from starts before the union (a bit-field
            // of a typedef whose alignment is below its size: bit_offset -7 in a 4-byte unit at byte -4), so the
            // attributes alone can give a wrong position; the union rule cannot.
            if (kind == RecordKind.Union) member = member with { BitOffset = 0 };
            members.Add(member);
        }
        var list = members.MoveToImmutable();
        int? alignment = e.Is(EntryFields.Alignment) ? e.Alignment : null;
        var anonymous = name is null;
        name ??= AnonymousNames.ForRecord(kind, e.ByteSize, list, alignment);
        return new RecordLayout(kind, name, anonymous, e.ByteSize, alignment, list);
    }

    private MemberLayout BuildMember(int index, int depth)
    {
        ref readonly var m = ref _dies[index];
        var type = ResolveType(index, m.Type, depth + 1);
        int? bitWidth = null;
        if (m.Is(EntryFields.BitSize))
        {
            if (m.BitSize is <= 0 or > int.MaxValue) throw Error(m.Offset, $"bit-field width {m.BitSize}");
            bitWidth = (int)m.BitSize;
        }
        return new MemberLayout(_dies.Name(index), MemberBitOffset(index, depth), bitWidth, type);
    }

    /// <summary>
    /// The member's offset in bits from the start of the record, as the model
    /// (and DWARF 4+'s DW_AT_data_bit_offset) counts it on a little-endian target.
    /// </summary>
    private long MemberBitOffset(int index, int depth)
    {
        ref readonly var m = ref _dies[index];
        if (m.Is(EntryFields.DataBitOffset)) return m.DataBitOffset;

        // Union members and some producers omit the location: it is then 0.
        var bits = (m.Is(EntryFields.MemberLocation) ? m.MemberLocation : 0) * 8;
        if (m.Is(EntryFields.BitOffset) && m.Is(EntryFields.BitSize))
        {
            // DWARF 2/3 (and gcc 12 with -gdwarf-4): DW_AT_bit_offset counts from the
            // most significant bit of a storage unit of DW_AT_byte_size bytes (or the
            // member type's size) at DW_AT_data_member_location down to the field's
            // most significant bit (DWARF 3 section 5.6.6). On little-endian the
            // field's lowest bit is therefore storage_bits - bit_offset - bit_size
            // above the unit's start. gcc writes a negative bit_offset when a packed
            // field spills past its storage unit; the formula still holds.
            var storageBytes = m.Is(EntryFields.ByteSize) ? m.ByteSize : SizeOf(index, m.Type, depth + 1);
            bits += (storageBytes * 8) - m.BitOffset - m.BitSize;
        }
        return bits;
    }

    /// <summary>The byte size of the type at a reference, for old-style bit-fields whose member has no DW_AT_byte_size.</summary>
    private long SizeOf(int from, long offset, int depth)
    {
        if (!_dies[from].Is(EntryFields.Type)) throw Error(_dies[from].Offset, "bit-field without a type");
        var index = Target(from, offset);
        ref readonly var e = ref _dies[index];
        if (depth > MaxDepth) throw Error(e.Offset, $"types nest deeper than {MaxDepth} levels");
        if (e.Is(EntryFields.ByteSize)) return e.ByteSize;
        return e.Tag switch
        {
            DwTag.Typedef or DwTag.ConstType or DwTag.VolatileType or DwTag.RestrictType or DwTag.AtomicType
                or DwTag.ImmutableType or DwTag.PackedType or DwTag.SharedType => SizeOf(index, e.Type, depth + 1),
            DwTag.PointerType => e.AddressSize,
            _ => throw Error(e.Offset, "cannot tell the size of a bit-field's storage unit"),
        };
    }

    private ArrayTypeRef BuildArray(int index, int depth)
    {
        ref readonly var e = ref _dies[index];
        var element = ResolveType(index, e.Type, depth + 1);
        var counts = new List<long?>(2);
        for (var child = e.FirstChild; child >= 0; child = _dies[child].NextSibling)
        {
            if (_dies[child].Tag == DwTag.SubrangeType) counts.Add(Count(child));
        }
        if (counts.Count == 0) counts.Add(null);

        // DWARF gives `int a[2][3]` one array type with subranges 2 then 3 (DWARF 5
        // section 5.5, row-major order for C); C reads it as array 2 of array 3 of int.
        var result = element;
        for (var k = counts.Count - 1; k >= 0; k--) result = new ArrayTypeRef(result, counts[k]);
        return (ArrayTypeRef)result;
    }

    /// <summary>
    /// A subrange's element count: DW_AT_count, else upper - lower + 1 (lower
    /// defaults to 0 for C, DWARF 5 table 7.17), else null: a flexible array
    /// member, for which gcc writes a subrange with no bound at all. gcc 12 writes
    /// GNU zero-length arrays (T[0]) as DW_AT_count 0; older gcc wrote upper bound -1.
    /// </summary>
    private long? Count(int index)
    {
        ref readonly var s = ref _dies[index];
        long? count = null;
        if (s.Is(EntryFields.Count)) count = s.Count;
        else if (s.Is(EntryFields.UpperBound)) count = s.UpperBound - (s.Is(EntryFields.LowerBound) ? s.LowerBound : 0) + 1;
        if (count < 0) throw Error(s.Offset, $"array bound gives {count} elements");
        return count;
    }
}
