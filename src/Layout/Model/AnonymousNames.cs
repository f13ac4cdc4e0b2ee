using System.Security.Cryptography;
using System.Text;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// Names for anonymous structs, unions and enums, derived from their content so
/// they are the same from run to run, config to config, and on both sides of a
/// DWARF comparison: equal content gives equal names. Nested anonymous types
/// are named first, so their names enter the outer type's content.
/// </summary>
public static class AnonymousNames
{
    public static string ForRecord(RecordKind kind, long size, IEnumerable<MemberLayout> members)
    {
        var text = new StringBuilder();
        text.Append(kind == RecordKind.Struct ? "struct" : "union").Append(' ').Append(size).Append('{');
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
