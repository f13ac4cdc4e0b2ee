using System.Collections.Immutable;
using System.IO.Compression;
using System.Text.Json;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Loads a Pre-AST file written by <see cref="PreAstWriter"/>. Trees are
/// rebuilt by lexing the stored source text and handing the lines to the same
/// <see cref="DirectiveNodeBuilder"/> the parser uses. Anything wrong with the
/// file (not gzip or JSON, truncated, another format, a newer version, a
/// broken tree, a content hash that does not match) is a
/// <see cref="PreAstFormatException"/> saying what is wrong.
/// </summary>
public static class PreAstReader
{
    public static PreAst.PreAst ReadFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PreAstFormatException(path, "cannot read: " + e.Message, e);
        }
        return Read(bytes, path);
    }

    public static PreAst.PreAst Read(byte[] bytes, string name)
    {
        var json = Decompress(bytes, name);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new PreAstFormatException(name, $"truncated or corrupt JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine})", e);
        }
        using (document)
        {
            try
            {
                return ReadDocument(document.RootElement, name);
            }
            catch (Exception e) when (IsCorruption(e))
            {
                throw new PreAstFormatException(name, "corrupt Pre-AST: " + e.Message, e);
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // From the parallel rebuild of the files: report the first problem as if read in order.
                var first = e.InnerExceptions[0];
                if (first is PreAstFormatException format) throw format;
                if (IsCorruption(first)) throw new PreAstFormatException(name, "corrupt Pre-AST: " + first.Message, first);
                throw;
            }
        }
    }

    private static bool IsCorruption(Exception e) =>
        e is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentException;

    private static ReadOnlyMemory<byte> Decompress(byte[] bytes, string name)
    {
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try
            {
                using var input = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                using var output = new MemoryStream(bytes.Length * 6);
                input.CopyTo(output);
                return output.GetBuffer().AsMemory(0, (int)output.Length);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException)
            {
                throw new PreAstFormatException(name, "truncated or corrupt compressed data: " + e.Message, e);
            }
        }
        var first = Array.FindIndex(bytes, b => b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t'));
        if (first < 0 || bytes[first] != (byte)'{')
        {
            throw new PreAstFormatException(name, "not a Pre-AST file (neither gzip nor JSON)");
        }
        return bytes;
    }

    private static PreAst.PreAst ReadDocument(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty(PreAstJson.Format, out var format) || format.ValueKind != JsonValueKind.String
            || format.GetString() != PreAstJson.FormatName)
        {
            throw new PreAstFormatException(name, "not a Pre-AST file (no \"format\": \"" + PreAstJson.FormatName + "\")");
        }
        var version = root.GetProperty(PreAstJson.Version).GetInt32();
        if (version > PreAstBuilder.FormatVersion)
        {
            throw new PreAstFormatException(name,
                $"written in Pre-AST format version {version}, newer than this LayoutExpert reads (up to {PreAstBuilder.FormatVersion}); rebuild it or upgrade");
        }
        if (version < 1) throw new PreAstFormatException(name, $"unsupported Pre-AST format version {version}");
        var metadata = new PreAstMetadata(
            version,
            root.GetProperty(PreAstJson.KernelRelease).GetString()!,
            root.GetProperty(PreAstJson.Architecture).GetString()!,
            root.GetProperty(PreAstJson.ModuleSource).GetString()!,
            root.GetProperty(PreAstJson.ContentHash).GetString()!,
            root.GetProperty(PreAstJson.Producer).GetString()!);
        var searchPath = root.GetProperty(PreAstJson.SearchPath).EnumerateArray().Select(e => e.GetString()!).ToImmutableArray();
        var forced = root.GetProperty(PreAstJson.ForcedIncludes).EnumerateArray().Select(e => e.GetInt32()).ToImmutableArray();
        var missing = root.GetProperty(PreAstJson.Missing).EnumerateArray()
            .Select(e => new MissingInclude(e.GetProperty(PreAstJson.Include).GetString()!, e.GetProperty(PreAstJson.From).GetString()!,
                e.GetProperty(PreAstJson.Line).GetInt32()))
            .ToImmutableArray();
        // Files are independent: rebuild them in parallel, each worker with its own node cache (caches are not thread-safe).
        var elements = root.GetProperty(PreAstJson.Files).EnumerateArray().ToArray();
        var loaded = new PreAstFile[elements.Length];
        Parallel.For(0, elements.Length, () => new Worker(new GreenNodeCache()),
            (id, _, builder) =>
            {
                loaded[id] = ReadFile(elements[id], id, builder, name);
                return builder;
            },
            _ => { });
        var files = ImmutableArray.Create(loaded);
        foreach (var id in forced) CheckId(id, files.Length, name);
        foreach (var link in files.SelectMany(f => f.Includes)) CheckId(link.Target, files.Length, name);
        if (files.Length == 0) throw new PreAstFormatException(name, "corrupt Pre-AST: no files");
        var hash = PreAstBuilder.ContentHash(files);
        if (hash != metadata.ContentHash)
        {
            throw new PreAstFormatException(name, $"content hash mismatch (recorded {metadata.ContentHash}, computed {hash}): the file is corrupt");
        }
        var sources = root.TryGetProperty(PreAstJson.Sources, out var named)
            ? named.EnumerateObject().ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetInt32(), StringComparer.Ordinal)
            : ImmutableSortedDictionary<string, int>.Empty;
        foreach (var id in sources.Values) CheckId(id, files.Length, name);
        return new PreAst.PreAst(metadata, searchPath, files, forced, missing) { Sources = sources };
    }

    /// <summary>One loading thread's tools: the node builder, a lexer and a token buffer reused for every leaf.</summary>
    private sealed class Worker(GreenNodeCache cache) : DirectiveNodeBuilder(cache)
    {
        public Lexer Lexer { get; } = new("", cache);

        public List<GreenToken> Buffer { get; } = new(256);
    }

    private static void CheckId(int id, int count, string name)
    {
        if (id >= count || id < -1) throw new PreAstFormatException(name, $"corrupt Pre-AST: file id {id} out of range");
    }

    private static PreAstFile ReadFile(JsonElement file, int id, Worker builder, string name)
    {
        var path = file.GetProperty(PreAstJson.Path).GetString()!;
        var includes = file.GetProperty(PreAstJson.Includes).EnumerateArray().Select(link => new IncludeLink(
                link[0].GetInt32(), link[1].GetString()!, Enum.Parse<IncludeForm>(link[2].GetString()!), link[3].GetBoolean(),
                link[4].GetInt32(), link[5].ValueKind == JsonValueKind.Null ? null : link[5].GetString()))
            .ToImmutableArray();
        var hasInclude = file.GetProperty(PreAstJson.HasInclude).EnumerateObject()
            .ToImmutableSortedDictionary(p => p.Name, p => p.Value.GetBoolean(), StringComparer.Ordinal);
        var parts = ReadParts(file.GetProperty(PreAstJson.Tree), builder, name, path);
        var eof = Lex(file.GetProperty(PreAstJson.EndOfFile).GetString()!, builder, name, path, keepEndOfFile: true);
        var root = builder.File(parts, eof[^1]);
        return new PreAstFile(id, path, file.GetProperty(PreAstJson.SearchDir).GetInt32(), root, includes, hasInclude);
    }

    private static List<GreenNode> ReadParts(JsonElement parts, Worker builder, string name, string path)
    {
        var result = new List<GreenNode>();
        foreach (var part in parts.EnumerateArray())
        {
            if (part.TryGetProperty(PreAstJson.Text, out var text))
            {
                result.Add(builder.TextRun(Lex(text.GetString()!, builder, name, path)));
            }
            else if (part.TryGetProperty(PreAstJson.If, out var groups))
            {
                result.Add(ReadSection(part, groups, builder, name, path));
            }
            else if (part.TryGetProperty(PreAstJson.Stray, out var stray))
            {
                result.Add(builder.DirectiveLine(Line(stray, builder, name, path), stray: true));
            }
            else
            {
                result.Add(builder.ControlLine(Line(part.GetProperty(PreAstJson.Line), builder, name, path)));
            }
        }
        return result;
    }

    private static GreenNode ReadSection(JsonElement part, JsonElement groups, Worker builder, string name, string path)
    {
        GreenNode? first = null;
        var later = new List<GreenNode>();
        var seenElse = false;
        foreach (var group in groups.EnumerateArray())
        {
            var line = Line(group.GetProperty(PreAstJson.Line), builder, name, path);
            var body = ReadParts(group.GetProperty(PreAstJson.Body), builder, name, path);
            if (first is null)
            {
                first = builder.Group(SyntaxKind.IfGroup, builder.DirectiveLine(line), body);
                continue;
            }
            var kind = DirectiveNodeBuilder.KindOf(line);
            later.Add(builder.LaterGroup(line, seenElse, body));
            seenElse |= kind == SyntaxKind.ElseDirective;
        }
        if (first is null) throw new PreAstFormatException(name, $"corrupt Pre-AST: empty conditional in {path}");
        var endif = part.TryGetProperty(PreAstJson.Endif, out var e) ? builder.DirectiveLine(Line(e, builder, name, path)) : null;
        return builder.IfSection(first, later, endif);
    }

    private static List<GreenToken> Line(JsonElement text, Worker builder, string name, string path)
    {
        // A copy: the worker's buffer is reused by the next leaf, while a group's line waits for its body.
        var tokens = new List<GreenToken>(Lex(text.GetString()!, builder, name, path));
        if (tokens.Count == 0 || tokens[0].Kind != SyntaxKind.HashToken)
        {
            throw new PreAstFormatException(name, $"corrupt Pre-AST: a directive in {path} does not start with '#'");
        }
        return tokens;
    }

    private static List<GreenToken> Lex(string text, Worker builder, string name, string path, bool keepEndOfFile = false)
    {
        var tokens = builder.Buffer;
        builder.Lexer.Reset(text);
        builder.Lexer.LexInto(tokens);
        var end = tokens[^1];
        if (!keepEndOfFile)
        {
            if (end.FullWidth != 0) throw new PreAstFormatException(name, $"corrupt Pre-AST: stray trivia in {path}");
            tokens.RemoveAt(tokens.Count - 1);
        }
        else if (tokens.Count != 1)
        {
            throw new PreAstFormatException(name, $"corrupt Pre-AST: tokens after the end of {path}");
        }
        return tokens;
    }
}
