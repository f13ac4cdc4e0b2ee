using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Rekall;

/// <summary>
/// Writes a Rekall Linux profile: one JSON object with <c>$METADATA</c>,
/// <c>$CONSTANTS</c> (symbol addresses), <c>$CONFIG</c> (the kernel config),
/// <c>$STRUCTS</c> (see <see cref="RekallStructs"/>), <c>$ENUMS</c>
/// (<c>value -> name</c>) and <c>$REVENUMS</c> (<c>name -> value</c>).
/// </summary>
public static class RekallWriter
{
    private const ulong Low48Bits = 0x0000_FFFF_FFFF_FFFF;

    public static ProfileDocument Build(RekallInput input)
    {
        var diagnostics = new DiagnosticBag();
        var typedefs = new TypedefResolver(input.Layouts, diagnostics);
        var encoder = new RekallTypeEncoder(input.Layouts, typedefs, diagnostics);

        var json = new JsonObject
        {
            ["$METADATA"] = new JsonObject
            {
                ["ProfileClass"] = "Linux",
                ["Type"] = "Profile",
                ["Version"] = 1,
                ["arch"] = input.Arch,
            },
            ["$CONSTANTS"] = Constants(input),
            ["$CONFIG"] = Config(input.ConfigOptions),
            ["$STRUCTS"] = new RekallStructs(input.Layouts, typedefs, encoder, diagnostics).Build(),
            ["$ENUMS"] = Enums(input.Layouts, byValue: true),
            ["$REVENUMS"] = Enums(input.Layouts, byValue: false),
        };
        return ProfileDocument.From(json, diagnostics);
    }

    /// <summary>Builds and writes atomically to <paramref name="path"/>; returns the build's diagnostics.</summary>
    public static ImmutableArray<LayoutExpert.Syntax.Diagnostics.Diagnostic> Write(RekallInput input, string path)
    {
        var document = Build(input);
        document.WriteTo(path);
        return document.Diagnostics;
    }

    private static JsonObject Constants(RekallInput input)
    {
        var result = new JsonObject();
        foreach (var (name, address) in input.SymbolAddresses.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[name] = input.MaskAddressesTo48Bits ? address & Low48Bits : address;
        }
        return result;
    }

    private static JsonObject Config(IReadOnlyDictionary<string, string> options)
    {
        var result = new JsonObject();
        foreach (var (name, value) in options.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[name] = Unquote(value);
        }
        return result;
    }

    /// <summary>A Kconfig string value is written quoted with \" and \\ escapes; Rekall kept the bare text.</summary>
    internal static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"') return value;
        var text = new StringBuilder(value.Length);
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length - 1) i++;
            text.Append(value[i]);
        }
        return text.ToString();
    }

    /// <summary>
    /// <c>$ENUMS</c> maps each value (as a decimal string) to a name; where
    /// several constants share a value the first declared one is kept, since
    /// later ones are usually aliases (<c>FOO_LAST = FOO_BAR</c>).
    /// <c>$REVENUMS</c> maps every name to its value.
    /// </summary>
    private static JsonObject Enums(LayoutSet layouts, bool byValue)
    {
        var result = new JsonObject();
        foreach (var (name, layout) in layouts.Enums.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var unsignedBase = EnumValues.IsUnsignedBase(layouts, layout.BaseType);
            var entries = new JsonObject();
            foreach (var constant in layout.Constants)
            {
                if (byValue)
                {
                    var key = EnumValues.ToText(constant.Value, unsignedBase);
                    if (!entries.ContainsKey(key)) entries[key] = constant.Name;
                }
                else
                {
                    entries[constant.Name] = EnumValues.ToJson(constant.Value, unsignedBase);
                }
            }
            result[name] = entries;
        }
        return result;
    }
}
