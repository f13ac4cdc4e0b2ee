using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// Writes JSON the same way every time: object keys sorted by ordinal (code
/// unit) order at every level, as Python's <c>json.dump(sort_keys=True)</c>
/// sorts them, two-space indentation, '\n' line ends, a final newline, and
/// only the escapes JSON requires (base64 '+' and '/' stay as they are).
/// </summary>
public static class CanonicalJson
{
    private static JsonWriterOptions Options => new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(JsonNode? node, Stream stream)
    {
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            WriteNode(node, writer);
        }
        stream.WriteByte((byte)'\n');
    }

    public static byte[] Serialize(JsonNode? node)
    {
        using var buffer = new MemoryStream();
        Write(node, buffer);
        return buffer.ToArray();
    }

    private static void WriteNode(JsonNode? node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(value, writer);
                }
                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array) WriteNode(item, writer);
                writer.WriteEndArray();
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }
}
