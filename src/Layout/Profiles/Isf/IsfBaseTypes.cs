using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// ISF <c>base_types</c> entries: <c>{endian, kind: int|char|bool|float|void, signed, size}</c>,
/// from the DWARF encodings gcc gives its base types (DWARF 5, 7.8 DW_ATE_*).
/// </summary>
internal static class IsfBaseTypes
{
    /// <summary>x86-64 is little-endian (System V AMD64 ABI, 3.1.2).</summary>
    public const string Endian = "little";

    /// <summary>A pointer is 8 bytes on x86-64 (ABI, Figure 3.1); dwarf2json writes it as an unsigned int.</summary>
    public static void Pointer(CanonicalJsonBuilder json) => Entry(json, 8, signed: false, "int"u8);

    public static void Void(CanonicalJsonBuilder json) => Entry(json, 0, signed: false, "void"u8);

    /// <summary>Plain <c>char</c> is signed on x86-64 (ABI, Figure 3.1); needed for the banner when no base type list has it.</summary>
    public static void PlainChar(CanonicalJsonBuilder json) => Entry(json, 1, signed: true, "char"u8);

    /// <summary>
    /// Complex floats have no ISF kind; like dwarf2json they are written as a
    /// signed int of their size, which Volatility reads without failing.
    /// _Bool is written unsigned (DW_ATE_boolean has no sign; dwarf2json's
    /// "signed: true" for it is an artefact of its defaults).
    /// </summary>
    public static void For(CanonicalJsonBuilder json, BaseTypeLayout type)
    {
        switch (type.Encoding)
        {
            case BaseTypeEncoding.Signed: Entry(json, type.Size, signed: true, "int"u8); break;
            case BaseTypeEncoding.Unsigned: Entry(json, type.Size, signed: false, "int"u8); break;
            case BaseTypeEncoding.SignedChar: Entry(json, type.Size, signed: true, "char"u8); break;
            case BaseTypeEncoding.UnsignedChar: Entry(json, type.Size, signed: false, "char"u8); break;
            case BaseTypeEncoding.Boolean: Entry(json, type.Size, signed: false, "bool"u8); break;
            case BaseTypeEncoding.Float: Entry(json, type.Size, signed: true, "float"u8); break;
            default: Entry(json, type.Size, signed: true, "int"u8); break;
        }
    }

    private static void Entry(CanonicalJsonBuilder json, long size, bool signed, ReadOnlySpan<byte> kind)
    {
        json.StartObject();
        json.Property("endian"u8);
        json.Raw("\"little\""u8);
        json.Property("kind"u8);
        json.Raw("\""u8);
        json.Raw(kind);
        json.Raw("\""u8);
        json.Property("signed"u8);
        json.Bool(signed);
        json.Property("size"u8);
        json.Number(size);
        json.EndObject();
    }
}
