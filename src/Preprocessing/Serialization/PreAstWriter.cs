using System.Security.Cryptography;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Writes a Pre-AST in the binary format of <see cref="PreAstFormat"/>: the
/// preamble, then the head, strings, trivia, tokens and file-block sections.
/// Sections are stored as they are unless <c>compress</c> asks for deflate:
/// that halves the file (6.0 to 3.2 MB for 6.1 amd64) but costs some 20 ms of
/// a cold load (measured), and loading is what the format is for.
/// </summary>
public static class PreAstWriter
{
    public static void Write(PreAst.PreAst preAst, Stream output, bool compress = false) => output.Write(Encode(preAst, compress));

    /// <summary>Writes to a temporary file beside <paramref name="path"/>, then renames it: never a half-written file.</summary>
    public static void WriteFile(PreAst.PreAst preAst, string path, bool compress = false)
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

    internal static byte[] Encode(PreAst.PreAst preAst, bool compress)
    {
        var table = new TokenTableWriter();
        var encoder = new TreeEncoder(table);
        var trees = new List<List<int>>(preAst.Files.Length);
        foreach (var source in preAst.Files) trees.Add(encoder.Encode(source.Root));
        var remap = table.OrderByUse();

        var sections = new List<(SectionKind Kind, ByteWriter Data)> { (SectionKind.Head, Head(preAst, table)) };
        for (var first = 0; first < table.Strings.Count; first += PreAstFormat.StringsPerSection)
        {
            sections.Add((SectionKind.Strings, Strings(table.Strings, first, Math.Min(PreAstFormat.StringsPerSection, table.Strings.Count - first))));
        }
        sections.Add((SectionKind.Trivia, Trivia(table)));
        var tokens = new (int Kind, int Text, int Leading, int Trailing)[table.Tokens.Count];
        for (var i = 0; i < tokens.Length; i++) tokens[remap[i]] = table.Tokens[i];
        for (var first = 0; first < tokens.Length; first += PreAstFormat.TokensPerSection)
        {
            sections.Add((SectionKind.Tokens, Tokens(tokens.AsSpan(first, Math.Min(PreAstFormat.TokensPerSection, tokens.Length - first)))));
        }
        var start = 0;
        foreach (var count in Blocks(trees))
        {
            sections.Add((SectionKind.Files, FileBlock(preAst.Files, start, count, trees, remap)));
            start += count;
        }

        var codec = compress ? PreAstFormat.Deflate : PreAstFormat.Stored;
        var stored = new byte[sections.Count][];
        Parallel.For(0, sections.Count, i => stored[i] = SectionCodec.Encode(sections[i].Data.Written, codec));
        var body = new ByteWriter(4 + sections.Count * PreAstFormat.SectionEntrySize + stored.Sum(s => s.Length));
        body.UInt32((uint)sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            body.Byte((byte)sections[i].Kind);
            body.Byte(codec);
            body.UInt32((uint)stored[i].Length);
            body.UInt32((uint)sections[i].Data.Length);
        }
        foreach (var section in stored) body.Bytes(section);

        var file = new ByteWriter(PreAstFormat.BodyOffset + body.Length);
        file.Bytes(PreAstFormat.Magic);
        file.UInt32(PreAstBuilder.FormatVersion);
        file.Bytes(SHA256.HashData(body.Written));
        file.Bytes(body.Written);
        return file.Written.ToArray();
    }

    /// <summary>File counts of consecutive blocks of about equal encoded size.</summary>
    private static List<int> Blocks(List<List<int>> trees)
    {
        var target = Math.Max(trees.Sum(t => (long)t.Count) / PreAstFormat.TargetFileBlocks, 1);
        var blocks = new List<int>();
        var (files, size) = (0, 0L);
        foreach (var tree in trees)
        {
            files++;
            size += tree.Count;
            if (size < target) continue;
            blocks.Add(files);
            (files, size) = (0, 0);
        }
        if (files > 0) blocks.Add(files);
        return blocks;
    }

    private static ByteWriter Head(PreAst.PreAst preAst, TokenTableWriter table)
    {
        var head = new ByteWriter();
        var m = preAst.Metadata;
        head.String(m.Producer);
        head.String(m.KernelRelease);
        head.String(m.Architecture);
        head.String(m.ModuleSource);
        head.String(m.ContentHash);
        head.Varint(preAst.SearchPath.Length);
        foreach (var dir in preAst.SearchPath) head.String(dir);
        head.Varint(preAst.ForcedIncludes.Length);
        foreach (var id in preAst.ForcedIncludes) head.Varint(id);
        head.Varint(preAst.Sources.Count);
        foreach (var (name, id) in preAst.Sources)
        {
            head.String(name);
            head.Varint(id);
        }
        head.Varint(preAst.Missing.Length);
        foreach (var missing in preAst.Missing)
        {
            head.String(missing.Spelled);
            head.String(missing.From);
            head.Varint(missing.Line);
        }
        head.Varint(table.Kinds.Count);
        foreach (var kind in table.Kinds) head.String(kind.ToString());
        head.Varint(table.Strings.Count);
        head.Varint(table.Trivia.Count);
        head.Varint(table.TriviaNodes.Count);
        head.Varint(table.Tokens.Count);
        head.Varint(preAst.Files.Length);
        return head;
    }

    private static ByteWriter Strings(List<string> strings, int first, int count)
    {
        var texts = new ByteWriter(count * 16);
        var section = new ByteWriter(count * 2 + 8);
        section.Varint(count);
        foreach (var text in strings.GetRange(first, count))
        {
            var start = texts.Length;
            texts.Utf8(text);
            section.Varint(texts.Length - start);
        }
        section.Bytes(texts.Written);
        return section;
    }

    private static ByteWriter Trivia(TokenTableWriter table)
    {
        var section = new ByteWriter(table.Trivia.Count * 4 + table.TriviaNodes.Count * 4);
        foreach (var (kind, text) in table.Trivia)
        {
            section.Varint(kind);
            section.Varint(text);
        }
        foreach (var pieces in table.TriviaNodes)
        {
            section.Varint(pieces.Length);
            foreach (var piece in pieces) section.Varint(piece);
        }
        return section;
    }

    private static ByteWriter Tokens(ReadOnlySpan<(int Kind, int Text, int Leading, int Trailing)> tokens)
    {
        var section = new ByteWriter(tokens.Length * 6 + 8);
        section.Varint(tokens.Length);
        foreach (var (kind, text, leading, trailing) in tokens)
        {
            section.Varint(kind);
            section.Varint(text);
            section.Varint(leading);
            section.Varint(trailing);
        }
        return section;
    }

    private static ByteWriter FileBlock(IReadOnlyList<PreAstFile> files, int first, int count, List<List<int>> trees, int[] remap)
    {
        var block = new ByteWriter(count * 1024);
        block.Varint(count);
        for (var id = first; id < first + count; id++)
        {
            var file = files[id];
            block.String(file.Path);
            block.Varint(file.SearchDir + 1);
            block.Varint(file.Includes.Length);
            foreach (var link in file.Includes)
            {
                block.Varint(link.Line);
                block.String(link.Spelled);
                block.Byte((byte)link.Form);
                block.Byte(link.Next ? (byte)1 : (byte)0);
                block.Varint(link.Target + 1);
                if (link.Generated is null)
                {
                    block.Byte(0);
                }
                else
                {
                    block.Byte(1);
                    block.String(link.Generated);
                }
            }
            block.Varint(file.HasInclude.Count);
            foreach (var (key, answer) in file.HasInclude)
            {
                block.String(key);
                block.Byte(answer ? (byte)1 : (byte)0);
            }
            TreeEncoder.WriteOps(trees[id], remap, block);
        }
        return block;
    }
}
