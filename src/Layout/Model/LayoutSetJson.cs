using System.Text;
using System.Text.Json;

namespace LayoutExpert.Layout.Model;

/// <summary>
/// A layout set as JSON: records, enums, typedefs and base types by name, in
/// ordinal order; member types as their canonical C-like spelling. Written
/// with the framework's JSON writer, indented, deterministic.
/// </summary>
public static class LayoutSetJson
{
    public static string Write(LayoutSet set)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("records");
            foreach (var (name, record) in set.Records)
            {
                json.WriteStartObject(name);
                json.WriteString("kind", record.Kind == RecordKind.Struct ? "struct" : "union");
                json.WriteBoolean("anonymous", record.IsAnonymous);
                json.WriteNumber("size", record.Size);
                if (record.Alignment is { } alignment) json.WriteNumber("alignment", alignment);
                else json.WriteNull("alignment");
                json.WriteStartArray("members");
                foreach (var member in record.Members)
                {
                    json.WriteStartObject();
                    if (member.Name is { } memberName) json.WriteString("name", memberName);
                    else json.WriteNull("name");
                    json.WriteNumber("bit_offset", member.BitOffset);
                    if (member.BitWidth is { } width) json.WriteNumber("bit_width", width);
                    json.WriteString("type", member.Type.Canonical);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("enums");
            foreach (var (name, @enum) in set.Enums)
            {
                json.WriteStartObject(name);
                json.WriteBoolean("anonymous", @enum.IsAnonymous);
                json.WriteNumber("size", @enum.Size);
                json.WriteString("base_type", @enum.BaseType);
                json.WriteStartObject("constants");
                foreach (var constant in @enum.Constants) json.WriteNumber(constant.Name, constant.Value);
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("typedefs");
            foreach (var (name, typedef) in set.Typedefs) json.WriteString(name, typedef.Target.Canonical);
            json.WriteEndObject();
            json.WriteStartObject("base_types");
            foreach (var (name, baseType) in set.BaseTypes)
            {
                json.WriteStartObject(name);
                json.WriteNumber("size", baseType.Size);
                json.WriteString("encoding", baseType.Encoding.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
