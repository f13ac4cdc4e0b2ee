using System.Globalization;
using System.Text;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// Renders layouts as pahole (dwarves) prints them from DWARF: one line per
/// member with its offset and size in bytes as a comment, bit-fields with the
/// bit position too, holes and trailing padding called out, and a summary of
/// size, alignment and member count. Sizes of member types come from the set
/// itself (base types, records, enums, typedefs) and the pointer size.
/// </summary>
public sealed class PaholeText(LayoutSet set, int pointerSize = 8)
{
    public string Record(RecordLayout record)
    {
        var text = new StringBuilder();
        var keyword = record.Kind == RecordKind.Struct ? "struct" : "union";
        text.Append(keyword).Append(' ').Append(record.Name).Append(" {\n");
        long end = 0;
        long holes = 0, holeBytes = 0, memberBytes = 0;
        foreach (var member in record.Members)
        {
            var size = SizeOf(member.Type) ?? 0;
            var byteOffset = member.BitOffset / 8;
            if (record.Kind == RecordKind.Struct && member.BitWidth is null && byteOffset > end)
            {
                text.Append(Line($"/* XXX {byteOffset - end} byte{(byteOffset - end == 1 ? "" : "s")} hole, try to pack */")).Append('\n');
                holes++;
                holeBytes += byteOffset - end;
            }
            var declaration = Declaration(member.Type, member.Name ?? "") + (member.BitWidth is { } w ? ":" + w.ToString(CultureInfo.InvariantCulture) : "") + ";";
            var position = member.BitWidth is null
                ? byteOffset.ToString(CultureInfo.InvariantCulture).PadLeft(6)
                : (byteOffset.ToString(CultureInfo.InvariantCulture) + ":" + (member.BitOffset % 8).ToString(CultureInfo.InvariantCulture)).PadLeft(6);
            text.Append('\t').Append(declaration.PadRight(40)).Append(" /* ").Append(position).Append(' ')
                .Append(size.ToString(CultureInfo.InvariantCulture).PadLeft(5)).Append(" */\n");
            var memberEnd = member.BitWidth is { } width ? (member.BitOffset + width + 7) / 8 : byteOffset + size;
            if (member.BitWidth is null) memberBytes += size;
            end = record.Kind == RecordKind.Struct ? Math.Max(end, memberEnd) : Math.Max(end, memberEnd);
        }
        text.Append('\n');
        text.Append(Line($"/* size: {record.Size}, alignment: {(record.Alignment?.ToString(CultureInfo.InvariantCulture) ?? "?")}, members: {record.Members.Length} */")).Append('\n');
        if (record.Kind == RecordKind.Struct)
        {
            text.Append(Line($"/* sum members: {memberBytes}, holes: {holes}, sum holes: {holeBytes} */")).Append('\n');
        }
        if (record.Size > end) text.Append(Line($"/* padding: {record.Size - end} */")).Append('\n');
        text.Append("};\n");
        return text.ToString();
    }

    public string Enum(EnumLayout @enum)
    {
        var text = new StringBuilder();
        text.Append("enum ").Append(@enum.Name).Append(" {\n");
        foreach (var constant in @enum.Constants)
        {
            text.Append('\t').Append(constant.Name).Append(" = ").Append(constant.Value.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        }
        text.Append(Line($"/* size: {@enum.Size}, base type: {@enum.BaseType} */")).Append('\n');
        text.Append("};\n");
        return text.ToString();
    }

    public string Typedef(TypedefLayout typedef) =>
        "typedef " + Declaration(typedef.Target, typedef.Name) + ";" + (SizeOf(typedef.Target) is { } size ? $" /* size: {size} */" : "") + "\n";

    /// <summary>The size in bytes of a type the set describes, or null (void, functions, unknown names).</summary>
    public long? SizeOf(TypeRef type) => SizeOf(type, 0);

    private long? SizeOf(TypeRef type, int depth)
    {
        if (depth > 100) return null;
        return type switch
        {
            BaseTypeRef b => set.BaseTypes.TryGetValue(b.Name, out var baseType) ? baseType.Size : null,
            PointerTypeRef => pointerSize,
            ArrayTypeRef a => a.Count is { } count ? SizeOf(a.Element, depth + 1) * count : 0,
            RecordTypeRef r => set.Records.TryGetValue(r.Name, out var record) ? record.Size : null,
            EnumTypeRef e => set.Enums.TryGetValue(e.Name, out var @enum) ? @enum.Size : null,
            TypedefTypeRef t => set.Typedefs.TryGetValue(t.Name, out var typedef) ? SizeOf(typedef.Target, depth + 1) : null,
            _ => null,
        };
    }

    /// <summary>A C declaration of <paramref name="name"/> with the type: pointers prefix, arrays and functions suffix.</summary>
    public static string Declaration(TypeRef type, string name)
    {
        var inner = name;
        while (true)
        {
            switch (type)
            {
                case PointerTypeRef p:
                    inner = p.Target is ArrayTypeRef or FunctionTypeRef ? "(*" + inner + ")" : "*" + inner;
                    type = p.Target;
                    continue;
                case ArrayTypeRef a:
                    inner += "[" + (a.Count?.ToString(CultureInfo.InvariantCulture) ?? "") + "]";
                    type = a.Element;
                    continue;
                case FunctionTypeRef:
                    return "void " + inner + "()";
                default:
                    var specifier = type switch
                    {
                        RecordTypeRef r => (r.Kind == RecordKind.Struct ? "struct " : "union ") + r.Name,
                        EnumTypeRef e => "enum " + e.Name,
                        _ => type.Canonical,
                    };
                    return inner.Length == 0 ? specifier : specifier + " " + inner;
            }
        }
    }

    private static string Line(string comment) => "\t" + comment;
}
