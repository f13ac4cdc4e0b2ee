using System.Runtime.InteropServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// One pass over .debug_info and .debug_types: reads every unit header and DIE,
/// keeps the type-related ones as <see cref="DebugEntry"/> and skips the rest by
/// form. DW_FORM_ref_sig8 references are resolved once all type units are known.
/// </summary>
internal sealed class DieParser
{
    private readonly DwarfSections _sections;
    private readonly List<DebugEntry> _entries = new(1024);
    private readonly Dictionary<long, AbbreviationTable> _abbreviations = [];
    private readonly Dictionary<ulong, long> _typeUnits = [];
    private readonly List<(int Entry, ulong Signature, bool IsDefinition, long At)> _pendingSignatures = [];
    private readonly List<int> _parents = new(64);
    private readonly List<int> _lastChildren = new(64);

    private DieParser(DwarfSections sections) => _sections = sections;

    public static DieTable Parse(DwarfSections sections)
    {
        var parser = new DieParser(sections);
        parser.ParseSection(sections.Info, 0, inTypesSection: false);
        parser.ParseSection(sections.Types, sections.Info.Data.Length, inTypesSection: true);
        parser.ResolveSignatures();
        var entries = CollectionsMarshal.AsSpan(parser._entries).ToArray();
        return new DieTable(entries, entries.Length, sections);
    }

    private static bool IsStored(ushort tag) => tag switch
    {
        DwTag.ArrayType or DwTag.ClassType or DwTag.EnumerationType or DwTag.Member or DwTag.PointerType
            or DwTag.ReferenceType or DwTag.StructureType or DwTag.SubroutineType or DwTag.Typedef or DwTag.UnionType
            or DwTag.SubrangeType or DwTag.BaseType or DwTag.ConstType or DwTag.Enumerator or DwTag.PackedType
            or DwTag.VolatileType or DwTag.RestrictType or DwTag.UnspecifiedType or DwTag.SharedType
            or DwTag.RvalueReferenceType or DwTag.AtomicType or DwTag.ImmutableType => true,
        _ => false,
    };

    private void ParseSection(DebugSection section, long globalBase, bool inTypesSection)
    {
        var r = new SpanReader(section.Data, section.Name);
        while (!r.AtEnd)
        {
            var header = UnitHeader.Read(ref r, inTypesSection);
            var table = Abbreviations(header.AbbrevOffset);
            table.SizeFor(header.Version, header.AddressSize, header.OffsetSize);
            var unit = new UnitContext(header, section, globalBase, _sections);
            if (header.IsTypeUnit) _typeUnits.TryAdd(header.TypeSignature, globalBase + header.Offset + header.TypeOffset);
            ParseEntries(ref r, unit, table);
            r.Seek(header.End);
        }
    }

    private AbbreviationTable Abbreviations(long offset)
    {
        if (!_abbreviations.TryGetValue(offset, out var table))
        {
            table = AbbreviationTable.Parse(_sections.Abbrev, offset);
            _abbreviations.Add(offset, table);
        }
        return table;
    }

    private void ParseEntries(ref SpanReader r, UnitContext unit, AbbreviationTable table)
    {
        var end = unit.Header.End;
        _parents.Clear();
        _lastChildren.Clear();
        var seenUnitDie = false;
        while (r.Position < end)
        {
            var at = r.Position;
            var code = r.Uleb();
            if (code == 0)
            {
                // A null entry closes a sibling chain (DWARF 5 section 2.3); extra ones are padding.
                if (_parents.Count > 0)
                {
                    _parents.RemoveAt(_parents.Count - 1);
                    _lastChildren.RemoveAt(_lastChildren.Count - 1);
                }
                continue;
            }
            var abbreviation = table.Find(code) ?? throw r.Error(at, $"abbreviation code {code} is not in the table at .debug_abbrev+0x{unit.Header.AbbrevOffset:x}");
            var stored = -1;
            if (!seenUnitDie)
            {
                seenUnitDie = true;
                ReadUnitEntry(ref r, abbreviation, unit);
            }
            else if (IsStored(abbreviation.Tag))
            {
                stored = ReadEntry(ref r, abbreviation, unit, at);
            }
            else if (abbreviation.FixedSize >= 0)
            {
                r.Skip((ulong)abbreviation.FixedSize);
            }
            else
            {
                foreach (var spec in abbreviation.Attributes) FormReader.Skip(ref r, spec.Form, unit);
            }
            if (r.Position > end) throw r.Error(at, "entry runs past the end of its unit");
            if (abbreviation.HasChildren)
            {
                _parents.Add(stored);
                _lastChildren.Add(-1);
            }
        }
    }

    private static void ReadUnitEntry(ref SpanReader r, Abbreviation abbreviation, UnitContext unit)
    {
        foreach (var spec in abbreviation.Attributes)
        {
            if (spec.Attribute == DwAt.StrOffsetsBase)
            {
                var value = FormReader.Read(ref r, spec, unit);
                if (value.Kind is FormKind.Other or FormKind.Constant) unit.StrOffsetsBase = (long)Math.Min(value.Raw, long.MaxValue);
            }
            else
            {
                FormReader.Skip(ref r, spec.Form, unit);
            }
        }
    }

    private int ReadEntry(ref SpanReader r, Abbreviation abbreviation, UnitContext unit, int at)
    {
        var index = _entries.Count;
        var e = new DebugEntry
        {
            Offset = unit.GlobalBase + at,
            Parent = -1,
            FirstChild = -1,
            NextSibling = -1,
            Tag = abbreviation.Tag,
            AddressSize = (byte)unit.Header.AddressSize,
            Type = -1,
            Definition = -1,
        };
        foreach (var spec in abbreviation.Attributes)
        {
            if (!IsRead(spec.Attribute))
            {
                FormReader.Skip(ref r, spec.Form, unit);
                continue;
            }
            var valueAt = r.Position;
            var v = FormReader.Read(ref r, spec, unit);
            switch (spec.Attribute)
            {
                case DwAt.Name:
                    if (v.Kind == FormKind.String)
                    {
                        e.Has |= EntryFields.Name;
                        e.NameSource = v.Strings;
                        e.NameOffset = (long)Math.Min(v.Raw, long.MaxValue);
                    }
                    else if (v.Kind == FormKind.Supplementary)
                    {
                        e.Has |= EntryFields.SupplementaryName;
                    }
                    break;
                case DwAt.Type or DwAt.Signature:
                    var isType = spec.Attribute == DwAt.Type;
                    if (v.Kind == FormKind.Reference)
                    {
                        if (isType) e.Type = (long)v.Raw;
                        else e.Definition = (long)v.Raw;
                        e.Has |= isType ? EntryFields.Type : EntryFields.Definition;
                    }
                    else if (v.Kind == FormKind.Signature)
                    {
                        _pendingSignatures.Add((index, v.Raw, !isType, unit.GlobalBase + valueAt));
                        e.Has |= isType ? EntryFields.Type : EntryFields.Definition;
                    }
                    else if (v.Kind == FormKind.Supplementary && isType)
                    {
                        e.Has |= EntryFields.SupplementaryType;
                    }
                    break;
                case DwAt.Declaration:
                    if (v.Kind == FormKind.Flag && v.Raw != 0) e.Has |= EntryFields.Declaration;
                    break;
                case DwAt.DataMemberLocation:
                    if (v.IsConstant) Set(ref e.MemberLocation, ref e.Has, EntryFields.MemberLocation, v.AsLong);
                    else if (v.Kind == FormKind.Block)
                    {
                        var location = MemberLocationExpression.Evaluate(unit.Section.Data, unit.Section.Name, (int)v.Raw, v.Length);
                        Set(ref e.MemberLocation, ref e.Has, EntryFields.MemberLocation, location);
                    }
                    break;
                case DwAt.UpperBound:
                    // Old gcc wrote -1 as an unsigned 4-byte bound for T[0]; treat an
                    // all-ones data4 like data8's -1 (no struct member has 2^32 elements).
                    if (v.IsConstant) Set(ref e.UpperBound, ref e.Has, EntryFields.UpperBound, v.Size == 4 && v.Raw == uint.MaxValue ? -1 : v.AsLong);
                    break;
                default:
                    if (v.IsConstant) StoreConstant(ref e, spec.Attribute, v.AsLong);
                    break;
            }
        }
        Link(ref e, index);
        _entries.Add(e);
        return index;
    }

    private static bool IsRead(ushort attribute) => attribute switch
    {
        DwAt.Name or DwAt.Type or DwAt.Signature or DwAt.Declaration or DwAt.DataMemberLocation or DwAt.UpperBound
            or DwAt.ByteSize or DwAt.BitSize or DwAt.BitOffset or DwAt.DataBitOffset or DwAt.LowerBound or DwAt.Count
            or DwAt.ConstValue or DwAt.Encoding or DwAt.Alignment => true,
        _ => false,
    };

    private static void StoreConstant(ref DebugEntry e, ushort attribute, long value)
    {
        switch (attribute)
        {
            case DwAt.ByteSize: Set(ref e.ByteSize, ref e.Has, EntryFields.ByteSize, value); break;
            case DwAt.BitSize: Set(ref e.BitSize, ref e.Has, EntryFields.BitSize, value); break;
            case DwAt.BitOffset: Set(ref e.BitOffset, ref e.Has, EntryFields.BitOffset, value); break;
            case DwAt.DataBitOffset: Set(ref e.DataBitOffset, ref e.Has, EntryFields.DataBitOffset, value); break;
            case DwAt.LowerBound: Set(ref e.LowerBound, ref e.Has, EntryFields.LowerBound, value); break;
            case DwAt.Count: Set(ref e.Count, ref e.Has, EntryFields.Count, value); break;
            case DwAt.ConstValue: Set(ref e.ConstValue, ref e.Has, EntryFields.ConstValue, value); break;
            case DwAt.Encoding:
                e.Encoding = (int)Math.Clamp(value, int.MinValue, int.MaxValue);
                e.Has |= EntryFields.Encoding;
                break;
            case DwAt.Alignment:
                e.Alignment = (int)Math.Clamp(value, int.MinValue, int.MaxValue);
                e.Has |= EntryFields.Alignment;
                break;
        }
    }

    private static void Set(ref long field, ref EntryFields has, EntryFields flag, long value)
    {
        field = value;
        has |= flag;
    }

    private void Link(ref DebugEntry e, int index)
    {
        if (_parents.Count == 0) return;
        var top = _parents.Count - 1;
        var parent = _parents[top];
        if (parent < 0) return;
        e.Parent = parent;
        var previous = _lastChildren[top];
        var all = CollectionsMarshal.AsSpan(_entries);
        if (previous < 0) all[parent].FirstChild = index;
        else all[previous].NextSibling = index;
        _lastChildren[top] = index;
    }

    private void ResolveSignatures()
    {
        var all = CollectionsMarshal.AsSpan(_entries);
        foreach (var (entry, signature, isDefinition, at) in _pendingSignatures)
        {
            if (!_typeUnits.TryGetValue(signature, out var target))
            {
                throw new DwarfFormatException(_sections.Info.Name, at, $"no type unit has signature 0x{signature:x16}");
            }
            if (isDefinition) all[entry].Definition = target;
            else all[entry].Type = target;
        }
    }
}
