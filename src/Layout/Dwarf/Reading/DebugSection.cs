namespace LayoutExpert.Layout.Dwarf;

/// <summary>One debug section's bytes, decompressed and relocated, with the name used in error messages.</summary>
internal sealed class DebugSection(string name, byte[] data)
{
    public static readonly DebugSection Empty = new("(absent)", []);

    public string Name { get; } = name;

    public byte[] Data { get; } = data;

    public bool IsPresent => Data.Length > 0;
}
