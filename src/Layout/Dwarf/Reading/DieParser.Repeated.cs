using System.Runtime.CompilerServices;

namespace LayoutExpert.Layout.Dwarf;

/// <summary>
/// Repeated definitions: every unit of a kernel module carries its own copy of
/// the headers' types. Only the first complete definition of a name is kept;
/// the members of later ones are skipped, and the anonymous types they used
/// are flagged <see cref="EntryFields.OwnedByRepeated"/> for the builder.
/// </summary>
internal sealed partial class DieParser
{
    /// <summary>True when a complete named struct/union/enum of this name was already stored: its children need not be.</summary>
    private bool IsRepeatedDefinition(int index)
    {
        ref readonly var e = ref _entries[index];
        if (!e.Is(EntryFields.Name) || e.Is(EntryFields.Declaration) || e.Is(EntryFields.Definition)) return false;
        var seen = e.Tag switch
        {
            DwTag.StructureType or DwTag.ClassType or DwTag.UnionType => _completeRecords,
            DwTag.EnumerationType => _completeEnums,
            _ => null,
        };
        if (seen is null) return false;
        var name = _names[index] = _strings.Get(e.NameSource, e.NameOffset);
        return !seen.Add(name);
    }

    /// <summary>Remembers anonymous types (and derived types of them) a later skipped member may refer back to.</summary>
    private void NoteAnonymous(in DebugEntry e, int index, Group group)
    {
        var candidate = group switch
        {
            Group.Record or Group.Enum => !e.Is(EntryFields.Name) && !e.Is(EntryFields.Declaration),
            Group.Other => e.Tag is DwTag.PointerType or DwTag.ArrayType or DwTag.ConstType or DwTag.VolatileType
                or DwTag.AtomicType or DwTag.RestrictType && e.Is(EntryFields.Type) && _anonymousInUnit.ContainsKey(e.Type),
            _ => false,
        };
        if (candidate) _anonymousInUnit[e.Offset] = index;
    }

    /// <summary>An entry a skipped member referred to before it was read.</summary>
    private void SettleOwnedAhead(int index)
    {
        ref var e = ref _entries[index];
        if (e.Tag is DwTag.StructureType or DwTag.ClassType or DwTag.UnionType or DwTag.EnumerationType)
        {
            if (!e.Is(EntryFields.Name)) e.Has |= EntryFields.OwnedByRepeated;
        }
        else if (e.Tag is DwTag.PointerType or DwTag.ArrayType or DwTag.ConstType or DwTag.VolatileType or DwTag.AtomicType
            or DwTag.RestrictType && e.Is(EntryFields.Type))
        {
            MarkOwnedByRepeated(e.Type, e.Offset);
        }
    }

    private void MarkOwnedByRepeated(long offset, long current)
    {
        // Follow a pointer/array/qualifier chain down to the anonymous type; a
        // reference ahead is settled when that entry is read (see ReadEntry).
        for (var hops = 0; hops < 64; hops++)
        {
            if (offset > current)
            {
                _ownedAhead.Add(offset);
                return;
            }
            if (!_anonymousInUnit.TryGetValue(offset, out var index)) return;
            ref var e = ref _entries[index];
            e.Has |= EntryFields.OwnedByRepeated;
            if (e.Tag is DwTag.StructureType or DwTag.ClassType or DwTag.UnionType or DwTag.EnumerationType || !e.Is(EntryFields.Type)) return;
            offset = e.Type;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SkipRepeatedChild(ref SpanReader r, Abbreviation abbreviation, UnitContext unit)
    {
        var isMember = abbreviation.Tag == DwTag.Member;
        foreach (var spec in abbreviation.Attributes)
        {
            if (isMember && spec.Attribute == DwAt.Type)
            {
                var v = FormReader.Read(ref r, spec, unit);
                if (v.Kind == FormKind.Reference) MarkOwnedByRepeated((long)v.Raw, unit.GlobalBase + r.Position);
            }
            else
            {
                FormReader.Skip(ref r, spec.Form, unit);
            }
        }
    }
}
