using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// Writes a Volatility 3 Intermediate Symbol Format profile, format 6.2.0:
/// <c>{metadata, base_types, user_types, enums, symbols}</c>.
/// <para>
/// Bit-fields follow dwarf2json: the field's <c>offset</c> is the byte holding
/// the field's first bit and <c>bit_position</c> (0-7) counts from that byte's
/// least significant bit, so Volatility reads the declared type at that offset,
/// shifts right by <c>bit_position</c> and keeps <c>bit_length</c> bits.
/// </para>
/// </summary>
public static class IsfWriter
{
    public const string Format = "6.2.0";

    private const ulong Low48Bits = 0x0000_FFFF_FFFF_FFFF;

    public static ProfileDocument Build(IsfInput input)
    {
        var diagnostics = new DiagnosticBag();
        var typedefs = new TypedefResolver(input.Layouts, diagnostics);
        var encoder = new IsfTypeEncoder(typedefs);

        var userTypes = UserTypes(input.Layouts, typedefs, encoder, diagnostics);
        var enums = Enums(input.Layouts, diagnostics);
        var symbols = Symbols(input, encoder, diagnostics);
        var baseTypes = BaseTypes(input.Layouts, encoder.UsedBaseTypes, enums, diagnostics);

        var json = new JsonObject
        {
            ["metadata"] = Metadata(input, diagnostics),
            ["base_types"] = baseTypes,
            ["user_types"] = userTypes,
            ["enums"] = enums,
            ["symbols"] = symbols,
        };
        return ProfileDocument.From(json, diagnostics);
    }

    /// <summary>Builds and writes atomically to <paramref name="path"/>; returns the build's diagnostics.</summary>
    public static ImmutableArray<LayoutExpert.Syntax.Diagnostics.Diagnostic> Write(IsfInput input, string path)
    {
        var document = Build(input);
        document.WriteTo(path);
        return document.Diagnostics;
    }

    private static JsonObject Metadata(IsfInput input, DiagnosticBag diagnostics) => new()
    {
        ["format"] = Format,
        ["producer"] = new JsonObject { ["name"] = input.Producer.Name, ["version"] = input.Producer.Version },
        ["linux"] = new JsonObject
        {
            ["symbols"] = Sources(input.SymbolSources, diagnostics),
            ["types"] = Sources(input.TypeSources, diagnostics),
        },
    };

    private static JsonArray Sources(ImmutableArray<IsfSourceFile> files, DiagnosticBag diagnostics)
    {
        var array = new JsonArray();
        foreach (var file in files.IsDefault ? [] : files)
        {
            if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigit))
            {
                diagnostics.Add(ProfileDiagnostics.InvalidSourceFile, file.Name, file.Sha256);
                continue;
            }
            array.Add((JsonNode)new JsonObject
            {
                ["kind"] = file.KindText,
                ["name"] = file.Name,
                ["hash_type"] = "sha256",
                ["hash_value"] = file.Sha256.ToLowerInvariant(),
            });
        }
        return array;
    }

    private static JsonObject UserTypes(LayoutSet layouts, TypedefResolver typedefs, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
    {
        var result = new JsonObject();
        foreach (var (name, record) in layouts.Records.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var names = AnonymousMemberNames.For(record, typedefs, diagnostics);
            var fields = new JsonObject();
            for (var i = 0; i < record.Members.Length; i++)
            {
                if (names[i] is not { } fieldName) continue;
                var member = record.Members[i];
                var field = member.BitWidth is { } width
                    ? BitField(record, member, width, typedefs, encoder, diagnostics)
                    : new JsonObject { ["type"] = encoder.Encode(member.Type), ["offset"] = member.ByteOffset };
                if (field is null) continue;
                if (member.Name is null) field["anonymous"] = true;
                fields[fieldName] = field;
            }
            result[name] = new JsonObject
            {
                ["kind"] = record.Kind == RecordKind.Struct ? "struct" : "union",
                ["size"] = record.Size,
                ["fields"] = fields,
            };
        }
        return result;
    }

    /// <summary>dwarf2json's convention: offset = byte of the first bit, bit_position = the bit within it (0-7).</summary>
    private static JsonObject? BitField(RecordLayout record, MemberLayout member, int width, TypedefResolver typedefs, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
    {
        var type = typedefs.Peel(member.Type);
        if (type is not (BaseTypeRef or EnumTypeRef))
        {
            diagnostics.Add(ProfileDiagnostics.BitFieldTypeNotScalar, record.Name, member.Name ?? "<unnamed>", member.Type.Canonical);
            return null;
        }
        var offset = member.BitOffset / 8;
        var position = (int)(member.BitOffset % 8);
        if (typedefs.ScalarSize(type) is { } size && position + width > size * 8)
        {
            diagnostics.Add(ProfileDiagnostics.BitFieldExceedsBaseType,
                record.Name, member.Name ?? "<unnamed>", position + width, offset, type.Canonical, size * 8);
        }
        return new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["kind"] = "bitfield",
                ["bit_position"] = position,
                ["bit_length"] = width,
                ["type"] = encoder.Encode(type),
            },
            ["offset"] = offset,
        };
    }

    private static JsonObject Enums(LayoutSet layouts, DiagnosticBag diagnostics)
    {
        var result = new JsonObject();
        foreach (var (name, layout) in layouts.Enums.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var unsignedBase = EnumValues.IsUnsignedBase(layouts, layout.BaseType);
            var constants = new JsonObject();
            foreach (var constant in layout.Constants)
            {
                constants[constant.Name] = EnumValues.ToJson(constant.Value, unsignedBase);
            }
            result[name] = new JsonObject { ["size"] = layout.Size, ["base"] = layout.BaseType, ["constants"] = constants };
        }
        return result;
    }

    private static JsonObject Symbols(IsfInput input, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
    {
        var result = new JsonObject();
        foreach (var (name, address) in input.SymbolAddresses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var symbol = new JsonObject { ["address"] = input.MaskAddressesTo48Bits ? address & Low48Bits : address };
            if (name == "linux_banner" && input.Banner is { } banner)
            {
                // The banner's own length decides the array's: the header's
                // "extern const char linux_banner[]" has no count.
                symbol["type"] = IsfTypeEncoder.Array(banner.ConstantData.Length, encoder.Base("char"));
                symbol["constant_data"] = Convert.ToBase64String(banner.ConstantData.AsSpan());
            }
            else if (input.SymbolTypes.TryGetValue(name, out var type))
            {
                symbol["type"] = encoder.Encode(type);
            }
            result[name] = symbol;
        }

        var unplaced = input.SymbolTypes.Keys.Where(k => !input.SymbolAddresses.ContainsKey(k))
            .OrderBy(k => k, StringComparer.Ordinal).ToList();
        if (unplaced.Count > 0)
        {
            diagnostics.Add(ProfileDiagnostics.TypedSymbolsWithoutAddress, unplaced.Count, unplaced[0]);
        }
        if (input.Banner is not null && !input.SymbolAddresses.ContainsKey("linux_banner"))
        {
            diagnostics.Add(ProfileDiagnostics.BannerSymbolMissing);
        }
        return result;
    }

    /// <summary>
    /// Every base type of the layout set, "pointer" always (Volatility sizes
    /// pointers by it), "void" when something refers to it, and plain "char"
    /// for the banner should the layout set not have it.
    /// </summary>
    private static JsonObject BaseTypes(LayoutSet layouts, IReadOnlySet<string> used, JsonObject enums, DiagnosticBag diagnostics)
    {
        var result = new JsonObject();
        foreach (var (name, type) in layouts.BaseTypes.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[name] = IsfBaseTypes.For(type);
        }
        result["pointer"] = IsfBaseTypes.Pointer();

        var needed = new SortedSet<string>(used, StringComparer.Ordinal);
        foreach (var (_, entry) in enums) needed.Add((string)entry!["base"]!);
        foreach (var name in needed)
        {
            if (result.ContainsKey(name)) continue;
            if (name == "void") result[name] = IsfBaseTypes.Void();
            else if (name == "char") result[name] = IsfBaseTypes.PlainChar();
            else diagnostics.Add(ProfileDiagnostics.MissingBaseType, name);
        }
        return result;
    }
}
