using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// Field names for the members of one record as ISF writes them.
/// <para>
/// An anonymous struct/union member (C11 6.7.2.1p13) is named
/// <c>unnamed_field_&lt;byte offset in hex&gt;</c>, dwarf2json's spelling, so
/// profiles agree with dwarf2json's wherever they can. dwarf2json stops there
/// and, where two anonymous members share an offset (a union of anonymous
/// structs, as in <c>struct page</c>), one overwrites the other and its
/// members are lost. Here such names get a suffix derived from the member's
/// type: <c>unnamed_field_0_&lt;12 hex digits of SHA-256 of the type's
/// canonical spelling&gt;</c>. Anonymous types are named by their content
/// (<see cref="AnonymousNames"/>), so the suffix depends on what the member is,
/// not on declaration order, and is stable across runs and configurations.
/// </para>
/// <para>
/// Unnamed bit-fields (<c>int : 3;</c>) are padding: gcc writes no DWARF
/// member for them and they get no field.
/// </para>
/// </summary>
internal static class AnonymousMemberNames
{
    /// <summary>A name for each member, in member order; null for a member that gets no field.</summary>
    public static ImmutableArray<string?> For(RecordLayout record, TypedefResolver typedefs, DiagnosticBag diagnostics)
    {
        if (record.Members.All(m => m.Name is not null))
        {
            // Nothing to name (the common case): every field is its member's name.
            return [.. record.Members.Select(m => m.Name)];
        }
        var names = new string?[record.Members.Length];
        var taken = new HashSet<string>(record.Members.Where(m => m.Name is not null).Select(m => m.Name!), StringComparer.Ordinal);

        var anonymous = new List<(int Index, string Base, TypeRef Type)>();
        for (var i = 0; i < record.Members.Length; i++)
        {
            var member = record.Members[i];
            if (member.Name is not null)
            {
                names[i] = member.Name;
                continue;
            }
            if (member.BitWidth is not null) continue;
            var type = typedefs.Peel(member.Type);
            if (type is not RecordTypeRef)
            {
                diagnostics.Add(ProfileDiagnostics.UnnamedMemberSkipped, record.Name, member.ByteOffset, member.Type.Canonical);
                continue;
            }
            anonymous.Add((i, "unnamed_field_" + member.ByteOffset.ToString("x", CultureInfo.InvariantCulture), type));
        }

        foreach (var group in anonymous.GroupBy(a => a.Base, StringComparer.Ordinal))
        {
            var unique = group.Count() == 1 && !taken.Contains(group.Key);
            foreach (var (index, baseName, type) in group)
            {
                var name = unique ? baseName : baseName + "_" + Digest(type.Canonical);
                var candidate = name;
                for (var n = 2; taken.Contains(candidate); n++)
                {
                    candidate = name + "_" + n.ToString(CultureInfo.InvariantCulture);
                }
                taken.Add(candidate);
                names[index] = candidate;
            }
        }
        return [.. names];
    }

    private static string Digest(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 6)).ToLowerInvariant();
}
