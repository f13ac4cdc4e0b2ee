using System.Globalization;
using System.Text.Encodings.Web;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// Writes UTF-8 JSON straight into a byte buffer in exactly the form
/// <see cref="CanonicalJson"/> gives through <c>Utf8JsonWriter</c> (two-space
/// indentation, <c>"key": value</c>, <c>{}</c>/<c>[]</c> for empty containers,
/// '\n' line ends, <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>),
/// without a node tree. Unlike <see cref="CanonicalJson"/> it does not sort:
/// the caller writes keys in ordinal order. A builder can start at any depth,
/// so a member written on its own (a profile fragment) has the bytes it would
/// have inside the whole document, and <see cref="RawMember"/> puts it back.
/// </summary>
internal sealed class CanonicalJsonBuilder(int depth = 0, int capacity = 256)
{
    private static readonly byte[] NewLineAndSpaces = [(byte)'\n', .. Enumerable.Repeat((byte)' ', 128)];

    private byte[] _buffer = new byte[Math.Max(capacity, 16)];
    private int _depth = depth;

    /// <summary>Nothing written yet in the innermost open container: the next member needs no comma.</summary>
    private bool _first = true;

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public byte[] ToArray()
    {
        // Every byte is written over: a 1.7 MB document need not be zeroed first (it lives in the large object heap).
        var bytes = GC.AllocateUninitializedArray<byte>(Length);
        _buffer.AsSpan(0, Length).CopyTo(bytes);
        return bytes;
    }

    /// <summary>
    /// The builder is at <paramref name="depth"/> with an empty container open;
    /// what was written is forgotten unless <paramref name="keepBytes"/>, for
    /// writing several members each as if it were the first.
    /// </summary>
    public void Reset(int depth, bool keepBytes = false)
    {
        if (!keepBytes) Length = 0;
        _depth = depth;
        _first = true;
    }

    /// <summary>Starts the next member of the open object: comma, new line, indentation, the quoted key, ": ".</summary>
    public void Property(string name)
    {
        MemberSeparator();
        String(name);
        Raw(": "u8);
    }

    /// <summary><see cref="Property(string)"/> for a key known to need no escaping (a literal of the format).</summary>
    public void Property(ReadOnlySpan<byte> plainName)
    {
        MemberSeparator();
        var span = Grow(plainName.Length + 4);
        span[0] = (byte)'"';
        plainName.CopyTo(span[1..]);
        span[plainName.Length + 1] = (byte)'"';
        span[plainName.Length + 2] = (byte)':';
        span[plainName.Length + 3] = (byte)' ';
    }

    /// <summary>Starts the next element of the open array.</summary>
    public void Item() => MemberSeparator();

    /// <summary>
    /// A member written by a builder started at this depth (its bytes begin
    /// with the new line): only the separating comma is added.
    /// </summary>
    public void RawMember(ReadOnlySpan<byte> member)
    {
        if (!_first) Raw(","u8);
        _first = false;
        Raw(member);
    }

    public void StartObject() => Start((byte)'{');

    public void EndObject() => End((byte)'}');

    public void StartArray() => Start((byte)'[');

    public void EndArray() => End((byte)']');

    public void String(string value) => JsonStrings.Append(this, value);

    public void Number(long value) => Format(value);

    public void Number(ulong value) => Format(value);

    public void Bool(bool value) => Raw(value ? "true"u8 : "false"u8);

    public void Raw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Grow(bytes.Length));

    /// <summary>Room for <paramref name="count"/> more bytes, counted as written.</summary>
    public Span<byte> Grow(int count)
    {
        if (Length + count > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + count));
        }
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes at once (one large buffer, not a doubling series).</summary>
    public void Reserve(int count)
    {
        if (Length + count > _buffer.Length) Array.Resize(ref _buffer, Length + count);
    }

    /// <summary>Gives back the unused end of the last <see cref="Grow"/>.</summary>
    public void Shrink(int count) => Length -= count;

    private void Start(byte bracket)
    {
        Grow(1)[0] = bracket;
        _depth++;
        _first = true;
    }

    /// <summary>An empty container closes on its own line (<c>{}</c>); otherwise the bracket goes on a new line.</summary>
    private void End(byte bracket)
    {
        _depth--;
        if (!_first) NewLine();
        Grow(1)[0] = bracket;
        _first = false;
    }

    private void MemberSeparator()
    {
        if (!_first) Raw(","u8);
        _first = false;
        NewLine();
    }

    private void NewLine()
    {
        var width = 1 + 2 * _depth;
        if (width <= NewLineAndSpaces.Length)
        {
            Raw(NewLineAndSpaces.AsSpan(0, width));
            return;
        }
        Raw("\n"u8);
        Grow(2 * _depth).Fill((byte)' ');
    }

    private void Format<T>(T value) where T : IUtf8SpanFormattable
    {
        var span = Grow(20);
        if (!value.TryFormat(span, out var written, default, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a 64-bit number takes at most 20 digits");
        }
        Shrink(20 - written);
    }
}
