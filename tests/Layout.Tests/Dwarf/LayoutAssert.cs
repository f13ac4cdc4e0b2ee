using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// Checks a record read from DWARF against gcc-evaluated sizeof / offsetof /
/// bit positions (see <see cref="GccOracle"/>). Members of anonymous members are
/// reached directly (C11 6.7.2.1p13); named nested records are followed with a
/// "member." path when <c>nested</c> is set (off for system headers, whose
/// member names can be macros).
/// </summary>
public static class LayoutAssert
{
    public static IEnumerable<string> Expressions(LayoutSet set, string cType, RecordLayout record, bool nested = true)
    {
        yield return $"sizeof({cType})";
        foreach (var (path, m) in Leaves(set, record, "", 0, nested))
        {
            if (m.BitWidth is null)
            {
                yield return $"offsetof({cType}, {path})";
            }
            else
            {
                yield return $"BITPOS({cType}, {path})";
                yield return $"BITWIDTH({cType}, {path})";
            }
        }
    }

    public static void Matches(IReadOnlyDictionary<string, long> gcc, LayoutSet set, string cType, RecordLayout record, bool nested = true)
    {
        Assert.Equal(gcc[$"sizeof({cType})"], record.Size);
        foreach (var (path, m, bits) in LeavesWithOffset(set, record, "", 0, nested))
        {
            if (m.BitWidth is null)
            {
                Assert.True(bits % 8 == 0, $"{cType}.{path} is not byte aligned: bit {bits}");
                Assert.Equal((path, gcc[$"offsetof({cType}, {path})"]), (path, bits / 8));
            }
            else
            {
                Assert.Equal((path, gcc[$"BITPOS({cType}, {path})"]), (path, bits));
                Assert.Equal((path, gcc[$"BITWIDTH({cType}, {path})"]), (path, (long)m.BitWidth));
            }
        }
    }

    private static IEnumerable<(string Path, MemberLayout Member)> Leaves(LayoutSet set, RecordLayout record, string prefix, long bits, bool nested) =>
        LeavesWithOffset(set, record, prefix, bits, nested).Select(l => (l.Path, l.Member));

    private static IEnumerable<(string Path, MemberLayout Member, long Bits)> LeavesWithOffset(
        LayoutSet set, RecordLayout record, string prefix, long bits, bool nested)
    {
        foreach (var m in record.Members)
        {
            var at = bits + m.BitOffset;
            var inner = m.Type is RecordTypeRef r && set.Records.TryGetValue(r.Name, out var found) ? found : null;
            if (m.Name is null)
            {
                if (inner is null) continue;
                foreach (var leaf in LeavesWithOffset(set, inner, prefix, at, nested)) yield return leaf;
                continue;
            }
            yield return (prefix + m.Name, m, at);
            if (nested && inner is not null)
            {
                foreach (var leaf in LeavesWithOffset(set, inner, prefix + m.Name + ".", at, nested)) yield return leaf;
            }
        }
    }
}
