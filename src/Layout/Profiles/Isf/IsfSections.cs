using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// The small sections of an ISF document, each written as the value of its
/// top-level key: <c>metadata</c>, <c>base_types</c>, one <c>enums</c> entry,
/// and <c>symbols</c>. Keys go in ordinal order (<see cref="CanonicalJson"/>).
/// </summary>
internal static class IsfSections
{
    public static void Metadata(CanonicalJsonBuilder json, IsfInput input, DiagnosticBag diagnostics)
    {
        json.StartObject();
        json.Property("format"u8);
        json.String(IsfWriter.Format);
        json.Property("linux"u8);
        json.StartObject();
        json.Property("symbols"u8);
        Sources(json, input.SymbolSources, diagnostics);
        json.Property("types"u8);
        Sources(json, input.TypeSources, diagnostics);
        json.EndObject();
        json.Property("producer"u8);
        json.StartObject();
        json.Property("name"u8);
        json.String(input.Producer.Name);
        json.Property("version"u8);
        json.String(input.Producer.Version);
        json.EndObject();
        json.EndObject();
    }

    private static void Sources(CanonicalJsonBuilder json, System.Collections.Immutable.ImmutableArray<IsfSourceFile> files, DiagnosticBag diagnostics)
    {
        json.StartArray();
        foreach (var file in files.IsDefault ? [] : files)
        {
            if (file.Sha256.Length != 64 || !file.Sha256.All(char.IsAsciiHexDigit))
            {
                diagnostics.Add(ProfileDiagnostics.InvalidSourceFile, file.Name, file.Sha256);
                continue;
            }
            json.Item();
            json.StartObject();
            json.Property("hash_type"u8);
            json.Raw("\"sha256\""u8);
            json.Property("hash_value"u8);
            json.String(file.Sha256.ToLowerInvariant());
            json.Property("kind"u8);
            json.String(file.KindText);
            json.Property("name"u8);
            json.String(file.Name);
            json.EndObject();
        }
        json.EndArray();
    }

    /// <summary>
    /// Every base type of the layout set, "pointer" always (Volatility sizes
    /// pointers by it), "void" when something refers to it, and plain "char"
    /// for the banner should the layout set not have it.
    /// </summary>
    public static void BaseTypes(CanonicalJsonBuilder json, LayoutSet layouts, IReadOnlySet<string> needed, DiagnosticBag diagnostics)
    {
        var entries = new SortedDictionary<string, Action<CanonicalJsonBuilder>>(StringComparer.Ordinal);
        foreach (var (name, type) in layouts.BaseTypes) entries[name] = j => IsfBaseTypes.For(j, type);
        entries["pointer"] = IsfBaseTypes.Pointer;
        foreach (var name in needed.Order(StringComparer.Ordinal))
        {
            if (entries.ContainsKey(name)) continue;
            if (name == "void") entries[name] = IsfBaseTypes.Void;
            else if (name == "char") entries[name] = IsfBaseTypes.PlainChar;
            else diagnostics.Add(ProfileDiagnostics.MissingBaseType, name);
        }
        json.StartObject();
        foreach (var (name, write) in entries)
        {
            json.Property(name);
            write(json);
        }
        json.EndObject();
    }

    /// <summary>One <c>enums</c> member: <c>"name": {base, constants, size}</c>; a repeated constant name keeps its last value.</summary>
    public static byte[] Enum(EnumLayout layout, bool unsignedBase)
    {
        var json = new CanonicalJsonBuilder(IsfUserTypes.Depth, 64 + 48 * layout.Constants.Length);
        json.Property(layout.Name);
        json.StartObject();
        json.Property("base"u8);
        json.String(layout.BaseType);
        json.Property("constants"u8);
        json.StartObject();
        var order = Enumerable.Range(0, layout.Constants.Length).ToArray();
        Array.Sort(order, (a, b) => string.CompareOrdinal(layout.Constants[a].Name, layout.Constants[b].Name) is var c && c != 0 ? c : a.CompareTo(b));
        for (var i = 0; i < order.Length; i++)
        {
            var constant = layout.Constants[order[i]];
            if (i + 1 < order.Length && layout.Constants[order[i + 1]].Name == constant.Name) continue;
            json.Property(constant.Name);
            if (unsignedBase && constant.Value < 0) json.Number(unchecked((ulong)constant.Value));
            else json.Number(constant.Value);
        }
        json.EndObject();
        json.Property("size"u8);
        json.Number(layout.Size);
        json.EndObject();
        return json.ToArray();
    }

    /// <summary>The <c>symbols</c> object: address (low 48 bits when asked), and the declared type or the banner's bytes.</summary>
    public static byte[] Symbols(IsfInput input, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
    {
        var json = new CanonicalJsonBuilder(1, 64 + 48 * input.SymbolAddresses.Count);
        json.StartObject();
        foreach (var name in SortedKeys(input.SymbolAddresses))
        {
            var address = input.SymbolAddresses[name];
            json.Property(name);
            json.StartObject();
            json.Property("address"u8);
            json.Number(SymbolAddress.ForProfile(address, input.MaskAddressesTo48Bits));
            if (name == "linux_banner" && input.Banner is { } banner)
            {
                // The banner's own length decides the array's: the header's
                // "extern const char linux_banner[]" has no count.
                json.Property("constant_data"u8);
                json.String(Convert.ToBase64String(banner.ConstantData.AsSpan()));
                json.Property("type"u8);
                encoder.BaseArray(json, banner.ConstantData.Length, "char");
            }
            else if (input.SymbolTypes.TryGetValue(name, out var type))
            {
                json.Property("type"u8);
                encoder.Encode(json, type);
            }
            json.EndObject();
        }
        json.EndObject();

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
        return json.ToArray();
    }

    /// <summary>Entries in ordinal key order; a dictionary already sorted that way is not sorted again.</summary>
    public static IEnumerable<KeyValuePair<string, T>> Sorted<T>(System.Collections.Immutable.ImmutableSortedDictionary<string, T> entries) =>
        ReferenceEquals(entries.KeyComparer, StringComparer.Ordinal) ? entries : entries.OrderBy(p => p.Key, StringComparer.Ordinal);

    /// <summary>Keys in ordinal order; a dictionary already sorted that way is not sorted again.</summary>
    public static IEnumerable<string> SortedKeys<T>(IReadOnlyDictionary<string, T> entries) =>
        entries is System.Collections.Immutable.ImmutableSortedDictionary<string, T> sorted && ReferenceEquals(sorted.KeyComparer, StringComparer.Ordinal)
            ? sorted.Keys
            : entries.Keys.Order(StringComparer.Ordinal);
}
