using System.Globalization;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// The probes answered from the <see cref="LayoutSet"/> alone, as a consumer of
/// the model (or the DWARF reader's twin) would: records by tag or typedef,
/// anonymous members followed by their content-derived names. Only facts the
/// model carries are produced (sizes, record alignment, member and bit offsets,
/// enum base types).
/// </summary>
public static class ModelProbe
{
    public static IReadOnlyDictionary<string, string> Measure(LayoutSet set, IReadOnlyList<Probe> probes)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var probe in probes)
        {
            var subject = Resolve(set, probe.Subject);
            switch (probe)
            {
                case TypeProbe t when subject is RecordLayout record:
                    facts[t.Label + "|size"] = Text(record.Size);
                    // TypedefLayout carries no alignment of its own (aligned(N) on a typedef): only a record's is known.
                    if (t.Type is not TypedefType) facts[t.Label + "|align"] = record.Alignment is { } a ? Text(a) : "none";
                    break;
                case TypeProbe t when subject is EnumLayout @enum:
                    facts[t.Label + "|size"] = Text(@enum.Size);
                    break;
                case KindProbe k when subject is EnumLayout @enum:
                    facts[k.Label + "|kind"] = @enum.BaseType;
                    break;
                case MemberProbe m when subject is RecordLayout record:
                    facts[m.Label + "|off"] = Find(set, record, m.Path) is { } member ? Text(member.BitOffset / 8) : "missing";
                    break;
                case BitFieldProbe b when subject is RecordLayout record:
                    facts[b.Label + "|bit"] = Find(set, record, b.Path) is { } bit ? Text(bit.BitOffset) + ":" + bit.BitWidth : "missing";
                    break;
            }
        }
        return facts;
    }

    private static object? Resolve(LayoutSet set, string subject)
    {
        if (subject.StartsWith("struct ", StringComparison.Ordinal)) return set.Records.GetValueOrDefault(subject["struct ".Length..]);
        if (subject.StartsWith("union ", StringComparison.Ordinal)) return set.Records.GetValueOrDefault(subject["union ".Length..]);
        if (subject.StartsWith("enum ", StringComparison.Ordinal)) return set.Enums.GetValueOrDefault(subject["enum ".Length..]);
        return Target(set, new TypedefTypeRef(subject));
    }

    private static object? Target(LayoutSet set, TypeRef type)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            switch (type)
            {
                case TypedefTypeRef typedef when set.Typedefs.TryGetValue(typedef.Name, out var t): type = t.Target; continue;
                case RecordTypeRef record: return set.Records.GetValueOrDefault(record.Name);
                case EnumTypeRef @enum: return set.Enums.GetValueOrDefault(@enum.Name);
                default: return null;
            }
        }
        return null;
    }

    /// <summary>Walks a probe path ("a.b[0].c"; indexes are always 0) and returns the member with its absolute bit offset.</summary>
    private static MemberLayout? Find(LayoutSet set, RecordLayout record, string path)
    {
        long offset = 0;
        MemberLayout? current = null;
        foreach (var step in C.Path(path))
        {
            switch (step)
            {
                case MemberDesignator member:
                    if (current is not null)
                    {
                        var type = current.Type;
                        while (type is ArrayTypeRef array) type = array.Element;
                        if (Target(set, type) is not RecordLayout inner) return null;
                        record = inner;
                    }
                    var found = FindIn(set, record, member.Name, 0);
                    if (found is null) return null;
                    offset += found.BitOffset;
                    current = found;
                    break;
                case IndexDesignator { Index: 0 }:
                    break;
                default:
                    return null;
            }
        }
        return current is null ? null : current with { BitOffset = offset };
    }

    private static MemberLayout? FindIn(LayoutSet set, RecordLayout record, string name, int depth)
    {
        foreach (var member in record.Members)
        {
            if (member.Name == name) return member;
        }
        if (depth > 16) return null;
        foreach (var member in record.Members.Where(m => m.Name is null))
        {
            if (Target(set, member.Type) is RecordLayout inner && FindIn(set, inner, name, depth + 1) is { } hit)
            {
                return hit with { BitOffset = member.BitOffset + hit.BitOffset };
            }
        }
        return null;
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
