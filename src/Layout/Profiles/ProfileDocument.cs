using System.Collections.Immutable;
using System.Text.Json.Nodes;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Layout.Profiles;

/// <summary>
/// A built profile: its canonical bytes (sorted keys, fixed formatting, so
/// equal inputs give equal bytes) and what the writer had to say while
/// building it.
/// </summary>
public sealed record ProfileDocument(ImmutableArray<byte> Bytes, ImmutableArray<Diagnostic> Diagnostics)
{
    internal static ProfileDocument From(JsonObject json, DiagnosticBag diagnostics) =>
        new([.. CanonicalJson.Serialize(json)], diagnostics.ToImmutable());

    /// <summary>A document written straight to bytes (already canonical) by a streaming writer.</summary>
    internal static ProfileDocument From(byte[] canonicalBytes, DiagnosticBag diagnostics) =>
        new(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(canonicalBytes), diagnostics.ToImmutable());

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>A fresh, parsed copy of the profile, for inspection.</summary>
    public JsonObject ToJson() =>
        JsonNode.Parse(Bytes.AsSpan(), documentOptions: new() { MaxDepth = 4096 })!.AsObject();

    /// <summary>Writes the bytes atomically; see <see cref="AtomicFile"/>.</summary>
    public void WriteTo(string path) => AtomicFile.Write(path, stream => stream.Write(Bytes.AsSpan()));
}
