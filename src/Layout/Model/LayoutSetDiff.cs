using System.Collections.Immutable;

namespace LayoutExpert.Layout.Model;

/// <summary>One member's place on each side of a diff; null where the side lacks it.</summary>
public sealed record MemberChange(string Member, MemberLayout? Before, MemberLayout? After)
{
    public override string ToString() => (Before, After) switch
    {
        (null, { } a) => $"+ {Member} @{Place(a)} {a.Type}",
        ({ } b, null) => $"- {Member} @{Place(b)} {b.Type}",
        ({ } b, { } a) => $"~ {Member} @{Place(b)} -> @{Place(a)}" + (b.Type == a.Type ? "" : $" ({b.Type} -> {a.Type})"),
        _ => Member,
    };

    private static string Place(MemberLayout m) => m.BitOffset % 8 == 0 && m.BitWidth is null ? $"{m.ByteOffset}" : $"{m.ByteOffset}+{m.BitOffset % 8}b:{m.BitWidth}";
}

/// <summary>A type whose layout differs between two sets: sizes and the members that moved, appeared or went.</summary>
public sealed record TypeChange(string Type, long? SizeBefore, long? SizeAfter, ImmutableArray<MemberChange> Members);

/// <summary>
/// Two layout sets (two configs of one kernel) compared by name: records by
/// tag, members by name (anonymous members by their order among anonymous
/// ones), so an inserted member shows as one addition and the moves it causes,
/// not as every later member differing.
/// </summary>
public static class LayoutSetDiff
{
    public static ImmutableArray<TypeChange> Compare(LayoutSet before, LayoutSet after)
    {
        var changes = ImmutableArray.CreateBuilder<TypeChange>();
        foreach (var name in before.Records.Keys.Union(after.Records.Keys).Order(StringComparer.Ordinal))
        {
            var b = before.Records.GetValueOrDefault(name);
            var a = after.Records.GetValueOrDefault(name);
            if (b is not null && a is not null && b.Equals(a)) continue;
            var spelled = ((b ?? a)!.Kind == RecordKind.Struct ? "struct " : "union ") + name;
            changes.Add(new TypeChange(spelled, b?.Size, a?.Size, Members(b, a)));
        }
        foreach (var name in before.Enums.Keys.Union(after.Enums.Keys).Order(StringComparer.Ordinal))
        {
            var b = before.Enums.GetValueOrDefault(name);
            var a = after.Enums.GetValueOrDefault(name);
            if (b is not null && a is not null && b.Equals(a)) continue;
            changes.Add(new TypeChange("enum " + name, b?.Size, a?.Size, []));
        }
        return changes.ToImmutable();
    }

    private static ImmutableArray<MemberChange> Members(RecordLayout? before, RecordLayout? after)
    {
        var b = Keyed(before);
        var a = Keyed(after);
        var changes = ImmutableArray.CreateBuilder<MemberChange>();
        foreach (var (key, member) in b)
        {
            var other = a.FirstOrDefault(p => p.Key == key).Member;
            if (other != member) changes.Add(new MemberChange(key, member, other));
        }
        foreach (var (key, member) in a)
        {
            if (!b.Any(p => p.Key == key)) changes.Add(new MemberChange(key, null, member));
        }
        return changes.ToImmutable();
    }

    private static List<(string Key, MemberLayout Member)> Keyed(RecordLayout? record)
    {
        var list = new List<(string, MemberLayout)>();
        if (record is null) return list;
        var anonymous = 0;
        foreach (var member in record.Members) list.Add((member.Name ?? $"(anonymous #{anonymous++})", member));
        return list;
    }
}
