using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// JSON strings as <c>Utf8JsonWriter</c> writes them under
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>. Profile strings
/// are nearly all ASCII that needs no escape (C identifiers, gcc's base type
/// names, base64): those are copied byte for byte, after asking the encoder the
/// question <c>Utf8JsonWriter</c> asks (is there a character to escape). Any
/// other string is written by a <c>Utf8JsonWriter</c> itself, so escapes and
/// invalid UTF-16 are handled exactly as <see cref="CanonicalJson"/> handles them.
/// </summary>
internal static class JsonStrings
{
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    public static void Append(CanonicalJsonBuilder builder, string value)
    {
        var span = builder.Grow(value.Length + 2);
        span[0] = (byte)'"';
        var ascii = true;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x80) { ascii = false; break; }
            span[i + 1] = (byte)c;
        }
        if (ascii && Encoder.FindFirstCharacterToEncodeUtf8(span.Slice(1, value.Length)) < 0)
        {
            span[value.Length + 1] = (byte)'"';
            return;
        }
        builder.Shrink(value.Length + 2);
        builder.Raw(Escaped(value));
    }

    /// <summary>The quoted string as <c>Utf8JsonWriter</c> writes it.</summary>
    public static ReadOnlySpan<byte> Escaped(string value)
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>();
        scratch.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(scratch, new JsonWriterOptions { Encoder = Encoder }))
        {
            writer.WriteStringValue(value);
        }
        return scratch.WrittenSpan;
    }
}
