using System.Globalization;
using System.Text.RegularExpressions;

namespace LayoutExpert.Driver.Tests.Module;

/// <summary>
/// The debugging information entries of an object, read from binutils'
/// `readelf --debug-dump=info` text (the project's own DWARF reader is
/// checked elsewhere; this is an independent view for the module tests).
/// readelf applies the .rela.debug_* relocations and prints references as
/// section offsets, so entries from every compilation unit share one map.
/// </summary>
public sealed partial class ReadelfDies
{
    public sealed record Die(long Offset, string Tag, IReadOnlyDictionary<string, string> Attributes)
    {
        public string? Name => Attributes.GetValueOrDefault("DW_AT_name");
        public bool IsDeclaration => Attributes.ContainsKey("DW_AT_declaration");
        public long? TypeOffset => Attributes.TryGetValue("DW_AT_type", out var t) ? ParseReference(t) : null;

        /// <summary>readelf prints small constants in decimal and large ones in hex.</summary>
        public long? ByteSize => Attributes.TryGetValue("DW_AT_byte_size", out var b) ? ParseConstant(b) : null;
    }

    private readonly Dictionary<long, Die> _byOffset;

    private ReadelfDies(Dictionary<long, Die> byOffset) => _byOffset = byOffset;

    public IEnumerable<Die> All => _byOffset.Values;

    public Die? At(long offset) => _byOffset.GetValueOrDefault(offset);

    public static ReadelfDies Parse(string readelfOutput)
    {
        var dies = new Dictionary<long, Die>();
        long offset = -1;
        string? tag = null;
        var attributes = new Dictionary<string, string>();
        void Flush()
        {
            if (tag is not null) dies[offset] = new Die(offset, tag, attributes);
        }
        foreach (var line in readelfOutput.Split('\n'))
        {
            var header = DieHeader().Match(line);
            if (header.Success)
            {
                Flush();
                offset = long.Parse(header.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                tag = header.Groups[2].Value;
                attributes = [];
                continue;
            }
            var attribute = Attribute().Match(line);
            if (attribute.Success && tag is not null)
            {
                attributes[attribute.Groups[1].Value] = StripIndirection(attribute.Groups[2].Value.Trim());
            }
        }
        Flush();
        return new ReadelfDies(dies);
    }

    // "(indirect string, offset: 0x1a): task_struct" -> "task_struct"
    private static string StripIndirection(string value) =>
        value.StartsWith('(') && value.IndexOf("): ", StringComparison.Ordinal) is var end and > 0 ? value[(end + 3)..] : value;

    private static long ParseConstant(string value) =>
        value.StartsWith("0x", StringComparison.Ordinal)
            ? long.Parse(value[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : long.Parse(value, CultureInfo.InvariantCulture);

    // "<0x3a5>" (a section offset: readelf adds the unit's offset to DW_FORM_ref4)
    private static long ParseReference(string value) =>
        Reference().Match(value) is { Success: true } m
            ? long.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)
            : throw new FormatException("not a DIE reference: " + value);

    [GeneratedRegex(@"^<0x([0-9a-f]+)>")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*<\d+><([0-9a-f]+)>: Abbrev Number: \d+ \((DW_TAG_\w+)\)")]
    private static partial Regex DieHeader();

    [GeneratedRegex(@"^\s*<[0-9a-f]+>\s+(DW_AT_\w+)\s*:\s?(.*)$")]
    private static partial Regex Attribute();
}
