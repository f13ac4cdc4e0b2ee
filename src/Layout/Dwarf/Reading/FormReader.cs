using System.Runtime.CompilerServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Reads or skips one attribute value by its form (DWARF 5, section 7.5.6).
/// Every form of DWARF 2-5 and the GNU split/dwz forms is known, so an
/// attribute this reader ignores is skipped safely.
/// </summary>
internal static class FormReader
{
    /// <summary>The size of a form's value when it does not depend on the data; -1 when it does.</summary>
    public static int FixedSize(ushort form, int version, int addressSize, int offsetSize) => form switch
    {
        DwForm.Addr => addressSize,
        DwForm.Data1 or DwForm.Ref1 or DwForm.Flag or DwForm.Strx1 or DwForm.Addrx1 => 1,
        DwForm.Data2 or DwForm.Ref2 or DwForm.Strx2 or DwForm.Addrx2 => 2,
        DwForm.Strx3 or DwForm.Addrx3 => 3,
        DwForm.Data4 or DwForm.Ref4 or DwForm.RefSup4 or DwForm.Strx4 or DwForm.Addrx4 => 4,
        DwForm.Data8 or DwForm.Ref8 or DwForm.RefSig8 or DwForm.RefSup8 => 8,
        DwForm.Data16 => 16,
        DwForm.FlagPresent or DwForm.ImplicitConst => 0,
        DwForm.Strp or DwForm.LineStrp or DwForm.SecOffset or DwForm.StrpSup or DwForm.GnuRefAlt or DwForm.GnuStrpAlt => offsetSize,
        // DWARF 2 made ref_addr address-sized; DWARF 3 changed it to offset-sized (section 7.4 of DWARF 3).
        DwForm.RefAddr => version <= 2 ? addressSize : offsetSize,
        _ => -1,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Skip(ref SpanReader r, ushort form, UnitContext unit)
    {
        var h = unit.Header;
        while (true)
        {
            var size = FixedSize(form, h.Version, h.AddressSize, h.OffsetSize);
            if (size >= 0)
            {
                r.Skip((ulong)size);
                return;
            }
            switch (form)
            {
                case DwForm.String: r.SkipCString(); return;
                case DwForm.Block1: r.Skip(r.U8()); return;
                case DwForm.Block2: r.Skip(r.U16()); return;
                case DwForm.Block4: r.Skip(r.U32()); return;
                case DwForm.Block or DwForm.Exprloc: r.Skip(r.Uleb()); return;
                case DwForm.Sdata: r.Sleb(); return;
                case DwForm.Udata or DwForm.RefUdata or DwForm.Strx or DwForm.Addrx or DwForm.Loclistx or DwForm.Rnglistx
                    or DwForm.GnuAddrIndex or DwForm.GnuStrIndex:
                    r.Uleb();
                    return;
                case DwForm.Indirect:
                    form = IndirectForm(ref r);
                    continue;
                default:
                    throw r.Error(r.Position, $"unknown attribute form 0x{form:x}");
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FormValue Read(ref SpanReader r, AttributeSpec spec, UnitContext unit)
    {
        var h = unit.Header;
        var form = spec.Form;
        while (true)
        {
            var at = r.Position;
            switch (form)
            {
                case DwForm.Data1: return new FormValue(FormKind.Constant, r.U8(), Size: 1);
                case DwForm.Data2: return new FormValue(FormKind.Constant, r.U16(), Size: 2);
                case DwForm.Data4: return new FormValue(FormKind.Constant, r.U32(), Size: 4);
                case DwForm.Data8: return new FormValue(FormKind.Constant, r.U64(), Size: 8);
                case DwForm.Data16:
                {
                    // Only the low half is kept: no C layout quantity needs 128 bits.
                    var low = r.U64();
                    r.U64();
                    return new FormValue(FormKind.Constant, low, Size: 16);
                }
                case DwForm.Udata: return new FormValue(FormKind.Constant, r.Uleb());
                case DwForm.Sdata: return new FormValue(FormKind.SignedConstant, (ulong)r.Sleb());
                case DwForm.ImplicitConst: return new FormValue(FormKind.SignedConstant, (ulong)spec.ImplicitConst);
                case DwForm.Flag: return new FormValue(FormKind.Flag, r.U8() != 0 ? 1UL : 0UL);
                case DwForm.FlagPresent: return new FormValue(FormKind.Flag, 1);

                case DwForm.Ref1: return UnitReference(ref r, r.U8(), unit, at);
                case DwForm.Ref2: return UnitReference(ref r, r.U16(), unit, at);
                case DwForm.Ref4: return UnitReference(ref r, r.U32(), unit, at);
                case DwForm.Ref8: return UnitReference(ref r, r.U64(), unit, at);
                case DwForm.RefUdata: return UnitReference(ref r, r.Uleb(), unit, at);
                case DwForm.RefAddr:
                {
                    // Always an offset into .debug_info, even from a .debug_types unit.
                    var value = r.UnsignedOfSize(h.Version <= 2 ? h.AddressSize : h.OffsetSize);
                    if (value >= (ulong)unit.Sections.Info.Length) throw r.Error(at, $"DW_FORM_ref_addr 0x{value:x} outside .debug_info");
                    return new FormValue(FormKind.Reference, value);
                }
                case DwForm.RefSig8: return new FormValue(FormKind.Signature, r.U64());
                case DwForm.RefSup4: r.U32(); return new FormValue(FormKind.Supplementary, 0);
                case DwForm.RefSup8: r.U64(); return new FormValue(FormKind.Supplementary, 0);
                case DwForm.GnuRefAlt: r.UnsignedOfSize(h.OffsetSize); return new FormValue(FormKind.Supplementary, 0);

                case DwForm.String:
                    return new FormValue(FormKind.String, (ulong)r.SkipCString(), Strings: unit.InlineStrings);
                case DwForm.Strp: return new FormValue(FormKind.String, r.UnsignedOfSize(h.OffsetSize), Strings: StringSource.Str);
                case DwForm.LineStrp: return new FormValue(FormKind.String, r.UnsignedOfSize(h.OffsetSize), Strings: StringSource.LineStr);
                case DwForm.StrpSup or DwForm.GnuStrpAlt:
                    r.UnsignedOfSize(h.OffsetSize);
                    return new FormValue(FormKind.Supplementary, 0);
                case DwForm.Strx or DwForm.GnuStrIndex: return IndexedString(ref r, r.Uleb(), unit, at);
                case DwForm.Strx1: return IndexedString(ref r, r.U8(), unit, at);
                case DwForm.Strx2: return IndexedString(ref r, r.U16(), unit, at);
                case DwForm.Strx3: return IndexedString(ref r, r.U24(), unit, at);
                case DwForm.Strx4: return IndexedString(ref r, r.U32(), unit, at);

                case DwForm.Block1: return Block(ref r, r.U8());
                case DwForm.Block2: return Block(ref r, r.U16());
                case DwForm.Block4: return Block(ref r, r.U32());
                case DwForm.Block or DwForm.Exprloc: return Block(ref r, r.Uleb());

                case DwForm.Indirect:
                    form = IndirectForm(ref r);
                    continue;

                default:
                    Skip(ref r, form, unit);
                    return new FormValue(FormKind.Other, 0);
            }
        }
    }

    private static ushort IndirectForm(ref SpanReader r)
    {
        var at = r.Position;
        var form = r.Uleb();
        // DWARF 5 section 7.5.3: DW_FORM_implicit_const cannot be indirect (its value lives in the abbreviation).
        if (form > ushort.MaxValue || form == DwForm.ImplicitConst) throw r.Error(at, $"bad indirect form 0x{form:x}");
        return (ushort)form;
    }

    private static FormValue UnitReference(ref SpanReader r, ulong value, UnitContext unit, int at)
    {
        var h = unit.Header;
        if (value >= (ulong)(h.End - h.Offset)) throw r.Error(at, $"reference 0x{value:x} outside its unit");
        return new FormValue(FormKind.Reference, (ulong)(unit.GlobalBase + h.Offset) + value);
    }

    private static FormValue Block(ref SpanReader r, ulong length)
    {
        var start = r.Position;
        r.Skip(length);
        return new FormValue(FormKind.Block, (ulong)start, (int)length);
    }

    private static FormValue IndexedString(ref SpanReader r, ulong index, UnitContext unit, int at)
    {
        var table = unit.Sections.StrOffsets;
        var size = (ulong)unit.Header.OffsetSize;
        var start = (ulong)unit.EffectiveStrOffsetsBase;
        if (index > (ulong)table.Length / size || start > (ulong)table.Length - index * size)
        {
            throw r.Error(at, $"string index {index} outside {table.Name}");
        }
        var offsets = new SpanReader(table.Span, table.Name, 0);
        offsets.Seek((long)(start + index * size));
        return new FormValue(FormKind.String, offsets.UnsignedOfSize((int)size), Strings: StringSource.Str);
    }
}
