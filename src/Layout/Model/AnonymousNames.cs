using System.Security.Cryptography;
using System.Text;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// Names for anonymous structs, unions and enums, derived from their content so
/// they are the same from run to run, config to config, and on both sides of a
/// DWARF comparison: equal content gives equal names. Nested anonymous types
/// are named first, so their names enter the outer type's content.
/// <para>
/// Two anonymous records can differ only in alignment (<c>struct { long x[2]; }</c>
/// with and without <c>aligned(16)</c>): the user-requested alignment is part of
/// the content when there is one. That is what both sides know: gcc writes
/// DW_AT_alignment exactly for types with TYPE_USER_ALIGN (dwarf2out.cc
/// add_alignment_attribute; not with -gstrict-dwarf before DWARF 5), and the
/// engine models TYPE_USER_ALIGN. A record whose alignment is only natural
/// (or lowered by <c>packed</c>) gets the same name as before this rule.
/// </para>
/// </summary>
public static class AnonymousNames
{
    public static string ForRecord(RecordKind kind, long size, IEnumerable<MemberLayout> members, int? userAlignment = null)
    {
        var text = new StringBuilder();
        text.Append(kind == RecordKind.Struct ? "struct" : "union").Append(' ').Append(size);
        if (userAlignment is { } alignment) text.Append(" aligned ").Append(alignment);
        text.Append('{');
        foreach (var m in members)
        {
            text.Append(m.Name ?? "").Append(':').Append(m.BitOffset).Append(':')
                .Append(m.BitWidth?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "")
                .Append(':').Append(m.Type.Canonical).Append(';');
        }
        text.Append('}');
        return (kind == RecordKind.Struct ? "__anon_struct_" : "__anon_union_") + Digest(text.ToString());
    }

    public static string ForEnum(long size, IEnumerable<EnumConstant> constants)
    {
        var text = new StringBuilder();
        text.Append("enum ").Append(size).Append('{');
        foreach (var c in constants) text.Append(c.Name).Append('=').Append(c.Value).Append(';');
        text.Append('}');
        return "__anon_enum_" + Digest(text.ToString());
    }

    private static string Digest(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexString(hash[..6]).ToLowerInvariant();
    }
}
