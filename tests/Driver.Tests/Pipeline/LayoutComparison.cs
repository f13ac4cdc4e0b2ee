using LayoutExpert.Layout.Model;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>Compares our layout set with one read from gcc's DWARF: names, sizes, members (name, bit offset, width, type), enum constants.</summary>
internal static class LayoutComparison
{
    public sealed record Result(int Compared, List<string> Mismatches);

    public static Result Compare(LayoutSet gcc, LayoutSet ours)
    {
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var (name, expected) in gcc.Records)
        {
            compared++;
            if (!ours.Records.TryGetValue(name, out var actual))
            {
                mismatches.Add($"{expected.Kind.ToString().ToLowerInvariant()} {name}: in gcc's DWARF, not in ours");
                continue;
            }
            if (expected.Size != actual.Size) mismatches.Add($"{name}: size gcc {expected.Size}, ours {actual.Size}");
            if (expected.Members.Length != actual.Members.Length)
            {
                mismatches.Add($"{name}: {expected.Members.Length} members in gcc's, {actual.Members.Length} in ours");
            }
            foreach (var (e, a) in expected.Members.Zip(actual.Members))
            {
                if (e.Name != a.Name || e.BitOffset != a.BitOffset || e.BitWidth != a.BitWidth || e.Type.Canonical != a.Type.Canonical)
                {
                    mismatches.Add($"{name}.{e.Name ?? "(anonymous)"}: gcc bit {e.BitOffset} width {e.BitWidth} {e.Type}; " +
                        $"ours {a.Name ?? "(anonymous)"} bit {a.BitOffset} width {a.BitWidth} {a.Type}");
                }
            }
        }
        foreach (var (name, expected) in gcc.Enums)
        {
            compared++;
            if (!ours.Enums.TryGetValue(name, out var actual)) mismatches.Add($"enum {name}: in gcc's DWARF, not in ours");
            else if (expected.Size != actual.Size || expected.BaseType != actual.BaseType || !expected.Constants.SequenceEqual(actual.Constants))
            {
                mismatches.Add($"enum {name}: gcc {expected.Size}/{expected.BaseType}/{expected.Constants.Length} constants, ours {actual.Size}/{actual.BaseType}/{actual.Constants.Length}");
            }
        }
        foreach (var (name, expected) in gcc.Typedefs)
        {
            compared++;
            if (!ours.Typedefs.TryGetValue(name, out var actual)) mismatches.Add($"typedef {name}: in gcc's DWARF, not in ours");
            else if (expected.Target.Canonical != actual.Target.Canonical) mismatches.Add($"typedef {name}: gcc {expected.Target}, ours {actual.Target}");
        }
        // The other way round: a type we list that gcc did not emit.
        foreach (var name in ours.Records.Keys.Where(n => !gcc.Records.ContainsKey(n))) mismatches.Add($"record {name}: in ours, not in gcc's DWARF");
        foreach (var name in ours.Enums.Keys.Where(n => !gcc.Enums.ContainsKey(n))) mismatches.Add($"enum {name}: in ours, not in gcc's DWARF");
        foreach (var name in ours.Typedefs.Keys.Where(n => !gcc.Typedefs.ContainsKey(n))) mismatches.Add($"typedef {name}: in ours, not in gcc's DWARF");
        return new Result(compared, mismatches);
    }
}
