using System.IO.Compression;
using System.Text.Json;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>Writes a Pre-AST as JSON (see <see cref="PreAstJson"/>), gzip-compressed unless asked not to.</summary>
public static class PreAstWriter
{
    public static void Write(PreAst.PreAst preAst, Stream output, bool compress = true)
    {
        using var stream = compress ? new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true) : null;
        using var json = new Utf8JsonWriter(stream ?? output, new JsonWriterOptions { Indented = false });
        WriteDocument(preAst, json);
    }

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then renames it: never a half-written file.</summary>
    public static void WriteFile(PreAst.PreAst preAst, string path, bool compress = true)
    {
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            using (var file = File.Create(temporary)) Write(preAst, file, compress);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static void WriteDocument(PreAst.PreAst preAst, Utf8JsonWriter json)
    {
        var m = preAst.Metadata;
        json.WriteStartObject();
        json.WriteString(PreAstJson.Format, PreAstJson.FormatName);
        json.WriteNumber(PreAstJson.Version, m.FormatVersion);
        json.WriteString(PreAstJson.Producer, m.Producer);
        json.WriteString(PreAstJson.KernelRelease, m.KernelRelease);
        json.WriteString(PreAstJson.Architecture, m.Architecture);
        json.WriteString(PreAstJson.ModuleSource, m.ModuleSource);
        json.WriteString(PreAstJson.ContentHash, m.ContentHash);
        json.WriteStartArray(PreAstJson.SearchPath);
        foreach (var dir in preAst.SearchPath) json.WriteStringValue(dir);
        json.WriteEndArray();
        json.WriteStartArray(PreAstJson.ForcedIncludes);
        foreach (var id in preAst.ForcedIncludes) json.WriteNumberValue(id);
        json.WriteEndArray();
        json.WriteStartObject(PreAstJson.Sources);
        foreach (var (source, id) in preAst.Sources) json.WriteNumber(source, id);
        json.WriteEndObject();
        json.WriteStartArray(PreAstJson.Missing);
        foreach (var missing in preAst.Missing)
        {
            json.WriteStartObject();
            json.WriteString(PreAstJson.Include, missing.Spelled);
            json.WriteString(PreAstJson.From, missing.From);
            json.WriteNumber(PreAstJson.Line, missing.Line);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray(PreAstJson.Files);
        foreach (var file in preAst.Files) WriteFile(file, json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFile(PreAstFile file, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString(PreAstJson.Path, file.Path);
        json.WriteNumber(PreAstJson.SearchDir, file.SearchDir);
        json.WriteStartArray(PreAstJson.Includes);
        foreach (var link in file.Includes)
        {
            json.WriteStartArray();
            json.WriteNumberValue(link.Line);
            json.WriteStringValue(link.Spelled);
            json.WriteStringValue(link.Form.ToString());
            json.WriteBooleanValue(link.Next);
            json.WriteNumberValue(link.Target);
            if (link.Generated is null) json.WriteNullValue();
            else json.WriteStringValue(link.Generated);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteStartObject(PreAstJson.HasInclude);
        foreach (var (key, value) in file.HasInclude) json.WriteBoolean(key, value);
        json.WriteEndObject();
        json.WritePropertyName(PreAstJson.Tree);
        WriteParts(file.Root.GetSlot(0), json);
        json.WriteString(PreAstJson.EndOfFile, file.Root.GetSlot(1)!.ToFullString());
        json.WriteEndObject();
    }

    private static void WriteParts(GreenNode? list, Utf8JsonWriter json)
    {
        json.WriteStartArray();
        for (var i = 0; list is not null && i < list.SlotCount; i++)
        {
            var part = list.GetSlot(i)!;
            json.WriteStartObject();
            switch (part.Kind)
            {
                case SyntaxKind.TextRun:
                    json.WriteString(PreAstJson.Text, part.ToFullString());
                    break;
                case SyntaxKind.IfSection:
                    WriteSection(part, json);
                    break;
                case var kind when IsStray(part, kind):
                    json.WriteString(PreAstJson.Stray, part.ToFullString());
                    break;
                default:
                    json.WriteString(PreAstJson.Line, part.ToFullString());
                    break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static bool IsStray(GreenNode part, SyntaxKind kind) =>
        kind is SyntaxKind.ElifDirective or SyntaxKind.ElifdefDirective or SyntaxKind.ElifndefDirective
            or SyntaxKind.ElseDirective or SyntaxKind.EndifDirective;

    private static void WriteSection(GreenNode section, Utf8JsonWriter json)
    {
        json.WriteStartArray(PreAstJson.If);
        WriteGroup(section.GetSlot(0)!, json);
        if (section.GetSlot(1) is { } later)
        {
            for (var i = 0; i < later.SlotCount; i++) WriteGroup(later.GetSlot(i)!, json);
        }
        json.WriteEndArray();
        if (section.GetSlot(2) is { } endif) json.WriteString(PreAstJson.Endif, endif.ToFullString());
    }

    private static void WriteGroup(GreenNode group, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString(PreAstJson.Line, group.GetSlot(0)!.ToFullString());
        json.WritePropertyName(PreAstJson.Body);
        WriteParts(group.GetSlot(1), json);
        json.WriteEndObject();
    }
}
