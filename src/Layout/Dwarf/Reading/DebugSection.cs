namespace LayoutExpert.Layout.Dwarf;

/// <summary>One debug section's bytes, decompressed and relocated, with the name used in error messages.</summary>
internal sealed class DebugSection(string name, ReadOnlyMemory<byte> data)
{
    public static readonly DebugSection Empty = new("(absent)", ReadOnlyMemory<byte>.Empty);

    public string Name { get; } = name;

    public ReadOnlyMemory<byte> Data { get; } = data;

    public ReadOnlySpan<byte> Span => Data.Span;

    public int Length => Data.Length;

    public bool IsPresent => Data.Length > 0;
}
