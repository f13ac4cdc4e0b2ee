using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// ISF <c>base_types</c> entries: <c>{size, signed, kind: int|char|bool|float|void, endian}</c>,
/// from the DWARF encodings gcc gives its base types (DWARF 5, 7.8 DW_ATE_*).
/// </summary>
internal static class IsfBaseTypes
{
    /// <summary>x86-64 is little-endian (System V AMD64 ABI, 3.1.2).</summary>
    public const string Endian = "little";

    /// <summary>A pointer is 8 bytes on x86-64 (ABI, Figure 3.1); dwarf2json writes it as an unsigned int.</summary>
    public static JsonObject Pointer() => Entry(8, signed: false, "int");

    public static JsonObject Void() => Entry(0, signed: false, "void");

    /// <summary>Plain <c>char</c> is signed on x86-64 (ABI, Figure 3.1); needed for the banner when no base type list has it.</summary>
    public static JsonObject PlainChar() => Entry(1, signed: true, "char");

    /// <summary>
    /// Complex floats have no ISF kind; like dwarf2json they are written as a
    /// signed int of their size, which Volatility reads without failing.
    /// _Bool is written unsigned (DW_ATE_boolean has no sign; dwarf2json's
    /// "signed: true" for it is an artefact of its defaults).
    /// </summary>
    public static JsonObject For(BaseTypeLayout type) => type.Encoding switch
    {
        BaseTypeEncoding.Signed => Entry(type.Size, signed: true, "int"),
        BaseTypeEncoding.Unsigned => Entry(type.Size, signed: false, "int"),
        BaseTypeEncoding.SignedChar => Entry(type.Size, signed: true, "char"),
        BaseTypeEncoding.UnsignedChar => Entry(type.Size, signed: false, "char"),
        BaseTypeEncoding.Boolean => Entry(type.Size, signed: false, "bool"),
        BaseTypeEncoding.Float => Entry(type.Size, signed: true, "float"),
        _ => Entry(type.Size, signed: true, "int"),
    };

    private static JsonObject Entry(long size, bool signed, string kind) =>
        new() { ["size"] = size, ["signed"] = signed, ["kind"] = kind, ["endian"] = Endian };
}
