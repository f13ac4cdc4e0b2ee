namespace LayoutExpert.Layout.Model;

/// <summary>
/// Compares two layout sets entry by entry (ours against gcc's DWARF in the
/// proofs; two configs' profiles in a diff): every record's kind,
/// size, alignment (where DWARF states it) and every member's name, bit
/// offset, bit width and type; every enum's size, base type and constants;
/// every typedef's target; every base type's size and encoding. With
/// <c>bothWays</c> a type we have and gcc has not is a mismatch too.
/// </summary>
public static class LayoutSetComparison
{
    public sealed record Result(IReadOnlyList<string> Mismatches, int Records, int Members, int Enums, int Constants, int Typedefs)
    {
        public int Types => Records + Enums + Typedefs;
    }

    public static Result Compare(LayoutSet gcc, LayoutSet ours, bool bothWays, string gccName = "gcc", string oursName = "ours")
    {
        var mismatches = new List<string>();
        int members = 0, constants = 0;
        foreach (var (name, expected) in gcc.Records)
        {
            if (!ours.Records.TryGetValue(name, out var actual))
            {
                mismatches.Add($"{Spell(expected)}: missing from {oursName}");
                continue;
            }
            members += expected.Members.Length;
            if (actual.Kind != expected.Kind) mismatches.Add($"{Spell(expected)}: kind {gccName} {expected.Kind}, {oursName} {actual.Kind}");
            if (actual.Size != expected.Size) mismatches.Add($"{Spell(expected)}: size {gccName} {expected.Size}, {oursName} {actual.Size}");
            if (expected.Alignment is { } alignment && actual.Alignment != alignment)
            {
                mismatches.Add($"{Spell(expected)}: alignment {gccName} {alignment}, {oursName} {actual.Alignment}");
            }
            if (actual.IsAnonymous != expected.IsAnonymous) mismatches.Add($"{Spell(expected)}: anonymous {gccName} {expected.IsAnonymous}, {oursName} {actual.IsAnonymous}");
            var count = Math.Max(expected.Members.Length, actual.Members.Length);
            for (var i = 0; i < count; i++)
            {
                var e = i < expected.Members.Length ? expected.Members[i] : null;
                var a = i < actual.Members.Length ? actual.Members[i] : null;
                if (e != a) mismatches.Add($"{Spell(expected)}.#{i}: {gccName} {Member(e)}, {oursName} {Member(a)}");
            }
        }
        foreach (var (name, expected) in gcc.Enums)
        {
            constants += expected.Constants.Length;
            if (!ours.Enums.TryGetValue(name, out var actual)) mismatches.Add($"enum {name}: missing from {oursName}");
            else if (!actual.Equals(expected)) mismatches.Add($"enum {name}: {gccName} {Enum(expected)}, {oursName} {Enum(actual)}");
        }
        foreach (var (name, expected) in gcc.Typedefs)
        {
            if (!ours.Typedefs.TryGetValue(name, out var actual)) mismatches.Add($"typedef {name}: missing from {oursName}");
            else if (!actual.Equals(expected)) mismatches.Add($"typedef {name}: {gccName} {expected.Target}, {oursName} {actual.Target}");
        }
        foreach (var (name, expected) in gcc.BaseTypes)
        {
            if (ours.BaseTypes.TryGetValue(name, out var actual) && !actual.Equals(expected)) mismatches.Add($"base type {name}: {gccName} {expected}, {oursName} {actual}");
        }
        if (bothWays)
        {
            mismatches.AddRange(ours.Records.Keys.Except(gcc.Records.Keys).Select(n => $"{Spell(ours.Records[n])}: not in {gccName}"));
            mismatches.AddRange(ours.Enums.Keys.Except(gcc.Enums.Keys).Select(n => $"enum {n}: not in {gccName}"));
            mismatches.AddRange(ours.Typedefs.Keys.Except(gcc.Typedefs.Keys).Select(n => $"typedef {n}: not in {gccName}"));
        }
        return new Result(mismatches, gcc.Records.Count, members, gcc.Enums.Count, constants, gcc.Typedefs.Count);
    }

    private static string Spell(RecordLayout r) => (r.Kind == RecordKind.Struct ? "struct " : "union ") + r.Name;

    private static string Member(MemberLayout? m) =>
        m is null ? "(none)" : $"{m.Name ?? "(anonymous)"} @{m.BitOffset}{(m.BitWidth is { } w ? ":" + w : "")} {m.Type}";

    private static string Enum(EnumLayout e) =>
        $"size {e.Size} {e.BaseType} {{{string.Join(", ", e.Constants.Select(c => c.Name + "=" + c.Value))}}}";
}
