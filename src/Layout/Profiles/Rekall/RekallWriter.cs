using System.Collections.Immutable;
using System.Text;
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
    public static ProfileDocument Build(RekallInput input)
    {
        var diagnostics = new DiagnosticBag();
        var typedefs = new TypedefResolver(input.Layouts, diagnostics);
        var encoder = new RekallTypeEncoder(input.Layouts, typedefs, diagnostics);

        // $STRUCTS (the only section with diagnostics) is written first, at its depth; it sorts last.
        var structs = new CanonicalJsonBuilder(1, 1 << 20);
        new RekallStructs(input.Layouts, typedefs, encoder, diagnostics).Build(structs);

        // Keys in ordinal order: '$' names sort by their capitals; in $METADATA capitals precede "arch".
        var json = new CanonicalJsonBuilder(0, structs.Length + (1 << 18));
        json.StartObject();
        json.Property("$CONFIG"u8);
        Config(json, input.ConfigOptions);
        json.Property("$CONSTANTS"u8);
        Constants(json, input);
        json.Property("$ENUMS"u8);
        Enums(json, input.Layouts, byValue: true);
        json.Property("$METADATA"u8);
        json.StartObject();
        json.Property("ProfileClass"u8);
        json.Raw("\"Linux\""u8);
        json.Property("Type"u8);
        json.Raw("\"Profile\""u8);
        json.Property("Version"u8);
        json.Number(1);
        json.Property("arch"u8);
        json.String(input.Arch);
        json.EndObject();
        json.Property("$REVENUMS"u8);
        Enums(json, input.Layouts, byValue: false);
        json.Property("$STRUCTS"u8);
        json.Raw(structs.WrittenSpan);
        json.EndObject();
        json.Raw("\n"u8);
        return ProfileDocument.From(json.ToArray(), diagnostics);
    }

    /// <summary>Builds and writes atomically to <paramref name="path"/>; returns the build's diagnostics.</summary>
    public static ImmutableArray<LayoutExpert.Syntax.Diagnostics.Diagnostic> Write(RekallInput input, string path)
    {
        var document = Build(input);
        document.WriteTo(path);
        return document.Diagnostics;
    }

    private static void Constants(CanonicalJsonBuilder json, RekallInput input)
    {
        json.StartObject();
        foreach (var name in input.SymbolAddresses.Keys.Order(StringComparer.Ordinal))
        {
            var address = input.SymbolAddresses[name];
            json.Property(name);
            json.Number(SymbolAddress.ForProfile(address, input.MaskAddressesTo48Bits));
        }
        json.EndObject();
    }

    private static void Config(CanonicalJsonBuilder json, IReadOnlyDictionary<string, string> options)
    {
        json.StartObject();
        foreach (var name in options.Keys.Order(StringComparer.Ordinal))
        {
            json.Property(name);
            json.String(Unquote(options[name]));
        }
        json.EndObject();
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
    private static void Enums(CanonicalJsonBuilder json, LayoutSet layouts, bool byValue)
    {
        json.StartObject();
        foreach (var name in layouts.Enums.Keys.Order(StringComparer.Ordinal))
        {
            var layout = layouts.Enums[name];
            var unsignedBase = EnumValues.IsUnsignedBase(layouts, layout.BaseType);
            json.Property(name);
            json.StartObject();
            if (byValue)
            {
                var first = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var constant in layout.Constants) first.TryAdd(EnumValues.ToText(constant.Value, unsignedBase), constant.Name);
                foreach (var value in first.Keys.Order(StringComparer.Ordinal))
                {
                    json.Property(value);
                    json.String(first[value]);
                }
            }
            else
            {
                var last = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var constant in layout.Constants) last[constant.Name] = constant.Value;
                foreach (var constant in last.Keys.Order(StringComparer.Ordinal))
                {
                    json.Property(constant);
                    if (unsignedBase && last[constant] < 0) json.Number(unchecked((ulong)last[constant]));
                    else json.Number(last[constant]);
                }
            }
            json.EndObject();
        }
        json.EndObject();
    }
}
