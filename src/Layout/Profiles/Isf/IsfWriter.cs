using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// Writes a Volatility 3 Intermediate Symbol Format profile, format 6.2.0:
/// <c>{base_types, enums, metadata, symbols, user_types}</c>, as canonical JSON
/// (<see cref="CanonicalJson"/>'s form) written straight to bytes.
/// <para>
/// The sections are encoded in the order their diagnostics are reported (user
/// types, enums, symbols, base types, metadata) and put together in key order.
/// User types, enums and the symbols section are pieces that a later build can
/// take from <see cref="IsfFragments"/> when their inputs are unchanged; a
/// build without fragments uses a fresh set, so both go the same way.
/// </para>
/// </summary>
public static class IsfWriter
{
    public const string Format = "6.2.0";

    public static ProfileDocument Build(IsfInput input) => Build(input, new IsfFragments());

    /// <summary>Builds, reusing and updating <paramref name="fragments"/>; the bytes and diagnostics are those of a fresh build.</summary>
    public static ProfileDocument Build(IsfInput input, IsfFragments fragments)
    {
        lock (fragments)
        {
            fragments.BeginBuild();
            var document = Build(input, fragments, out var statistics);
            fragments.LastBuild = statistics;
            fragments.EndBuild();
            return document;
        }
    }

    /// <summary>Builds and writes atomically to <paramref name="path"/>; returns the build's diagnostics.</summary>
    public static ImmutableArray<LayoutExpert.Syntax.Diagnostics.Diagnostic> Write(IsfInput input, string path)
    {
        var document = Build(input);
        document.WriteTo(path);
        return document.Diagnostics;
    }

    private static ProfileDocument Build(IsfInput input, IsfFragments fragments, out IsfBuildStatistics statistics)
    {
        var layouts = input.Layouts;
        var diagnostics = new DiagnosticBag();
        var typedefs = new TypedefResolver(layouts, diagnostics);
        var encoder = new IsfTypeEncoder(typedefs);
        var needed = encoder.UsedBaseTypes;

        var answers = new LayoutReads.Answers(layouts);
        var runs = fragments.Runs;
        runs.Begin(layouts);
        var encodedRecords = 0;
        IsfUserTypes? records = null;
        foreach (var (_, record) in IsfSections.Sorted(layouts.Records))
        {
            if (runs.TryKeep(record, answers, diagnostics)) continue;
            var fragment = fragments.FindRecord(record, answers);
            if (fragment is null)
            {
                records ??= new IsfUserTypes(typedefs, encoder, diagnostics);
                fragment = records.Encode(record);
                fragments.AddRecord(fragment);
                encodedRecords++;
            }
            else
            {
                Replay(fragment, diagnostics);
            }
            runs.Add(fragment);
        }
        runs.EndRecords();
        needed.UnionWith(runs.BaseTypes);

        var enums = new List<byte[]>(layouts.Enums.Count);
        var encodedEnums = 0;
        foreach (var (_, layout) in IsfSections.Sorted(layouts.Enums))
        {
            var unsignedBase = EnumValues.IsUnsignedBase(layouts, layout.BaseType);
            var fragment = fragments.FindEnum(layout, unsignedBase);
            if (fragment is null)
            {
                fragment = new EnumFragment(layout, unsignedBase, IsfSections.Enum(layout, unsignedBase));
                fragments.AddEnum(fragment);
                encodedEnums++;
            }
            needed.Add(layout.BaseType);
            enums.Add(fragment.Bytes);
        }

        var symbols = fragments.FindSymbols(input);
        var symbolsReused = symbols is not null;
        if (symbols is null)
        {
            symbols = EncodeSymbols(input, typedefs, encoder, diagnostics);
            fragments.AddSymbols(symbols);
        }
        else
        {
            Replay(symbols, diagnostics);
        }
        needed.UnionWith(symbols.UsedBaseTypes);

        var json = fragments.Document;
        json.Reset(0);
        json.Reserve(Length(enums) + symbols.Bytes.Length + (1 << 16));
        json.StartObject();
        json.Property("base_types"u8);
        IsfSections.BaseTypes(json, layouts, needed, diagnostics);
        json.Property("enums"u8);
        Members(json, enums);
        json.Property("metadata"u8);
        IsfSections.Metadata(json, input, diagnostics);
        json.Property("symbols"u8);
        json.Raw(symbols.Bytes);
        json.Property("user_types"u8);
        // The user types and the document's end are put together by the runs, straight into the document's array.
        var bytes = runs.Write(json.WrittenSpan, layouts);

        statistics = new IsfBuildStatistics(encodedRecords, layouts.Records.Count - encodedRecords,
            encodedEnums, layouts.Enums.Count - encodedEnums, symbolsReused);
        return ProfileDocument.From(bytes, diagnostics);
    }

    private static SymbolsFragment EncodeSymbols(IsfInput input, TypedefResolver typedefs, IsfTypeEncoder encoder, DiagnosticBag diagnostics)
    {
        var reads = new LayoutReads();
        var recorded = new List<LayoutExpert.Syntax.Diagnostics.Diagnostic>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        var allUsed = encoder.UsedBaseTypes;
        typedefs.Reads = reads;
        diagnostics.Recorder = recorded;
        encoder.UsedBaseTypes = used;
        try
        {
            var bytes = IsfSections.Symbols(input, encoder, diagnostics);
            return new SymbolsFragment(input, bytes, reads, [.. recorded], [.. used]);
        }
        finally
        {
            typedefs.Reads = null;
            diagnostics.Recorder = null;
            encoder.UsedBaseTypes = allUsed;
        }
    }

    /// <summary>A reused piece's diagnostics, added again in the order encoding added them.</summary>
    private static void Replay(Fragment fragment, DiagnosticBag diagnostics)
    {
        foreach (var diagnostic in fragment.Diagnostics) diagnostics.Add(diagnostic);
    }

    /// <summary>An object whose members are pieces written at its members' depth.</summary>
    private static void Members(CanonicalJsonBuilder json, List<byte[]> members)
    {
        json.StartObject();
        foreach (var member in members) json.RawMember(member);
        json.EndObject();
    }

    /// <summary>The pieces' bytes and their separating commas.</summary>
    private static int Length(List<byte[]> members)
    {
        var total = 0;
        foreach (var member in members) total += member.Length + 1;
        return total;
    }
}
