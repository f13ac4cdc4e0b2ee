using System.Runtime.CompilerServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// One pass over .debug_info and .debug_types: reads every unit header and DIE,
/// keeps the type-related ones as <see cref="DebugEntry"/> and skips the rest by
/// form. DW_FORM_ref_sig8 references are resolved once all type units are known.
/// A kernel module repeats its headers' types in every unit; the layout keeps
/// the first complete definition of a name, so the members of later complete
/// definitions of the same struct, union or enum name are not stored at all.
/// The anonymous types those members used (gcc writes most just before their
/// user, some after) are flagged <see cref="EntryFields.OwnedByRepeated"/>, so
/// the builder need not build them either.
/// </summary>
internal sealed partial class DieParser
{
    // Parent markers besides entry indexes: a DIE that is not stored, and a
    // repeated definition whose children are skipped.
    private const int NotStored = -1;
    private const int Repeated = -2;

    private readonly DwarfSections _sections;
    private DebugEntry[] _entries;
    private long[] _offsets;
    private string?[] _names;
    private int _count;
    private readonly Dictionary<long, AbbreviationTable> _abbreviations = [];
    private readonly Dictionary<ulong, long> _typeUnits = [];
    private readonly List<(int Entry, ulong Signature, bool IsDefinition, long At)> _pendingSignatures = [];
    private readonly StringTable _strings;
    private readonly RepeatedNames _completeRecords = new();
    private readonly RepeatedNames _completeEnums = new();

    // This unit's anonymous records and enums, and pointers, arrays and
    // qualifiers of them, by global offset: what a skipped member can own.
    private readonly Dictionary<long, int> _anonymousInUnit = [];

    // Offsets further on in this unit that a skipped member refers to.
    private readonly HashSet<long> _ownedAhead = [];
    private readonly List<int> _parents = new(64);
    private readonly List<int> _lastChildren = new(64);

    private DieParser(DwarfSections sections)
    {
        _sections = sections;
        _strings = new StringTable(sections);
        // gcc's type-heavy units store about one DIE per 16 bytes, a module with
        // repeated definitions or much code far fewer; the arrays double if needed.
        var estimate = Math.Max(256, (sections.Info.Length + sections.Types.Length) / 24);
        _entries = new DebugEntry[estimate];
        _offsets = new long[estimate];
        _names = new string?[estimate];
    }

    public static DieTable Parse(DwarfSections sections)
    {
        var parser = new DieParser(sections);
        parser.ParseSection(sections.Info, 0, inTypesSection: false);
        parser.ParseSection(sections.Types, sections.Info.Length, inTypesSection: true);
        parser.ResolveSignatures();
        return new DieTable(parser._entries, parser._offsets, parser._names, parser._count, parser._strings, sections.Info.Name);
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
        var r = new SpanReader(section.Span, section.Name);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseEntries(ref SpanReader r, UnitContext unit, AbbreviationTable table)
    {
        var end = unit.Header.End;
        _parents.Clear();
        _lastChildren.Clear();
        _anonymousInUnit.Clear();
        _ownedAhead.Clear();
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
            var stored = NotStored;
            if (!seenUnitDie)
            {
                seenUnitDie = true;
                ReadUnitEntry(ref r, abbreviation, unit);
            }
            else if (_parents.Count > 0 && _parents[^1] == Repeated)
            {
                SkipRepeatedChild(ref r, abbreviation, unit);
                stored = Repeated;
            }
            else if (IsStored(abbreviation.Tag))
            {
                stored = ReadEntry(ref r, abbreviation, unit, at);
                if (abbreviation.HasChildren && IsRepeatedDefinition(stored)) stored = Repeated;
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

    /// <summary>Which attributes a stored DIE keeps: see <see cref="DebugEntry"/>'s shared slots.</summary>
    private enum Group : byte { Member, Subrange, Enumerator, Record, Enum, Other }

    private static Group GroupOf(ushort tag) => tag switch
    {
        DwTag.Member => Group.Member,
        DwTag.SubrangeType => Group.Subrange,
        DwTag.Enumerator => Group.Enumerator,
        DwTag.StructureType or DwTag.ClassType or DwTag.UnionType => Group.Record,
        DwTag.EnumerationType => Group.Enum,
        _ => Group.Other,
    };

    private static bool Keeps(Group group, ushort attribute) => attribute switch
    {
        DwAt.Name => group != Group.Subrange,
        DwAt.Type or DwAt.ByteSize => group is not (Group.Subrange or Group.Enumerator),
        DwAt.Signature or DwAt.Declaration => group is Group.Record or Group.Enum,
        DwAt.BitSize or DwAt.BitOffset or DwAt.DataBitOffset or DwAt.DataMemberLocation => group == Group.Member,
        DwAt.LowerBound or DwAt.UpperBound or DwAt.Count => group == Group.Subrange,
        DwAt.ConstValue => group == Group.Enumerator,
        DwAt.Encoding => group is Group.Enum or Group.Other,
        DwAt.Alignment => group == Group.Record,
        _ => false,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int ReadEntry(ref SpanReader r, Abbreviation abbreviation, UnitContext unit, int at)
    {
        var index = _count;
        var group = GroupOf(abbreviation.Tag);
        var e = new DebugEntry
        {
            Offset = unit.GlobalBase + at,
            FirstChild = -1,
            NextSibling = -1,
            Tag = abbreviation.Tag,
            AddressSize = (byte)unit.Header.AddressSize,
            Type = -1,
        };
        foreach (var spec in abbreviation.Attributes)
        {
            if (!Keeps(group, spec.Attribute))
            {
                FormReader.Skip(ref r, spec.Form, unit);
                continue;
            }
            var valueAt = r.Position;
            var v = FormReader.Read(ref r, spec, unit);
            if (v.Kind == FormKind.Supplementary)
            {
                e.Has |= EntryFields.Supplementary;
                continue;
            }
            switch (spec.Attribute)
            {
                case DwAt.Name when v.Kind == FormKind.String:
                    e.Has |= EntryFields.Name;
                    e.NameSource = v.Strings;
                    e.NameOffset = (long)Math.Min(v.Raw, long.MaxValue);
                    break;
                case DwAt.Type or DwAt.Signature when v.Kind is FormKind.Reference or FormKind.Signature:
                    var isType = spec.Attribute == DwAt.Type;
                    e.Has |= isType ? EntryFields.Type : EntryFields.Definition;
                    if (v.Kind == FormKind.Signature) _pendingSignatures.Add((index, v.Raw, !isType, unit.GlobalBase + valueAt));
                    else if (isType) e.Type = (long)v.Raw;
                    else e.Definition = (long)v.Raw;
                    break;
                case DwAt.Declaration when v.Kind == FormKind.Flag:
                    if (v.Raw != 0) e.Has |= EntryFields.Declaration;
                    break;
                case DwAt.DataMemberLocation when v.Kind == FormKind.Block:
                    e.MemberLocation = MemberLocationExpression.Evaluate(unit.Section.Span, unit.Section.Name, (int)v.Raw, v.Length);
                    e.Has |= EntryFields.MemberLocation;
                    break;
                case DwAt.UpperBound when v.IsConstant:
                    // Old gcc wrote -1 as an unsigned 4-byte bound for T[0]; treat an
                    // all-ones data4 like data8's -1 (no struct member has 2^32 elements).
                    e.UpperBound = v.Size == 4 && v.Raw == uint.MaxValue ? -1 : v.AsLong;
                    e.Has |= EntryFields.UpperBound;
                    break;
                default:
                    // Other forms (a DWARF 3 location list, a bound given by a
                    // variable's DIE) describe nothing a C layout has: left unset.
                    if (v.IsConstant) StoreConstant(ref e, spec.Attribute, v.AsLong);
                    break;
            }
        }
        Link(ref e, index);
        NoteAnonymous(e, index, group);
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
            Array.Resize(ref _offsets, _entries.Length);
            Array.Resize(ref _names, _entries.Length);
        }
        _offsets[_count] = e.Offset;
        _entries[_count++] = e;
        if (_ownedAhead.Count > 0 && _ownedAhead.Remove(e.Offset)) SettleOwnedAhead(index);
        return index;
    }

    private static void StoreConstant(ref DebugEntry e, ushort attribute, long value)
    {
        switch (attribute)
        {
            case DwAt.ByteSize: e.ByteSize = value; e.Has |= EntryFields.ByteSize; break;
            case DwAt.BitSize: e.BitSize = value; e.Has |= EntryFields.BitSize; break;
            case DwAt.BitOffset: e.BitOffset = value; e.Has |= EntryFields.BitOffset; break;
            case DwAt.DataBitOffset: e.DataBitOffset = value; e.Has |= EntryFields.DataBitOffset; break;
            case DwAt.DataMemberLocation: e.MemberLocation = value; e.Has |= EntryFields.MemberLocation; break;
            case DwAt.LowerBound: e.LowerBound = value; e.Has |= EntryFields.LowerBound; break;
            case DwAt.Count: e.Count = value; e.Has |= EntryFields.Count; break;
            case DwAt.ConstValue: e.ConstValue = value; e.Has |= EntryFields.ConstValue; break;
            case DwAt.Encoding: e.Encoding = (int)Math.Clamp(value, int.MinValue, int.MaxValue); e.Has |= EntryFields.Encoding; break;
            case DwAt.Alignment: e.Alignment = (int)Math.Clamp(value, int.MinValue, int.MaxValue); e.Has |= EntryFields.Alignment; break;
        }
    }

    private void Link(ref DebugEntry e, int index)
    {
        if (_parents.Count == 0) return;
        var top = _parents.Count - 1;
        var parent = _parents[top];
        if (parent < 0) return; // NotStored or Repeated
        var previous = _lastChildren[top];
        if (previous < 0) _entries[parent].FirstChild = index;
        else _entries[previous].NextSibling = index;
        _lastChildren[top] = index;
    }

    private void ResolveSignatures()
    {
        var all = _entries;
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
