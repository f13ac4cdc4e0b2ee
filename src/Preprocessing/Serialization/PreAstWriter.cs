using System.Security.Cryptography;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Writes a Pre-AST in the binary format of <see cref="PreAstFormat"/>:
/// the preamble, then the head, string, token and file-block sections, each
/// deflated at the fastest level unless asked not to.
/// </summary>
public static class PreAstWriter
{
    /// <summary>Files are cut into about this many blocks, so a loader decodes them in parallel.</summary>
    private const int TargetBlocks = 16;

    public static void Write(PreAst.PreAst preAst, Stream output, bool compress = true) => output.Write(Encode(preAst, compress));

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

    internal static byte[] Encode(PreAst.PreAst preAst, bool compress = true)
    {
        var table = new TokenTableWriter();
        var encoder = new TreeEncoder(table);
        var trees = preAst.Files.Select(f => encoder.Encode(f.Root)).ToList();
        var remap = table.OrderByUse();
        var blocks = Blocks(trees);
        var sections = new List<ByteWriter> { Head(preAst, table, blocks), Strings(table), Tokens(table, remap) };
        var first = 0;
        foreach (var count in blocks)
        {
            sections.Add(FileBlock(preAst.Files, first, count, trees, remap));
            first += count;
        }
        var codec = compress ? PreAstFormat.Deflate : PreAstFormat.Stored;
        var stored = new byte[sections.Count][];
        Parallel.For(0, sections.Count, i => stored[i] = SectionCodec.Encode(sections[i].Written, codec));

        var body = new ByteWriter(4 + sections.Count * 9 + stored.Sum(s => s.Length));
        body.UInt32((uint)sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            body.Byte(codec);
            body.UInt32((uint)stored[i].Length);
            body.UInt32((uint)sections[i].Length);
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
        var target = Math.Max(trees.Sum(t => (long)t.Count) / TargetBlocks, 1);
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

    private static ByteWriter Head(PreAst.PreAst preAst, TokenTableWriter table, List<int> blocks)
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
        head.Varint(preAst.Files.Length);
        head.Varint(blocks.Count);
        foreach (var count in blocks) head.Varint(count);
        head.Varint(table.Strings.Count);
        head.Varint(table.Trivia.Count);
        head.Varint(table.TriviaNodes.Count);
        head.Varint(table.Tokens.Count);
        return head;
    }

    private static ByteWriter Strings(TokenTableWriter table)
    {
        var lengths = new ByteWriter(table.Strings.Count * 2);
        var texts = new ByteWriter(table.Strings.Sum(s => s.Length) + 16);
        var utf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var text in table.Strings)
        {
            var start = texts.Length;
            texts.Bytes(utf8.GetBytes(text));
            lengths.Varint(texts.Length - start);
        }
        var section = new ByteWriter(lengths.Length + texts.Length);
        section.Bytes(lengths.Written);
        section.Bytes(texts.Written);
        return section;
    }

    private static ByteWriter Tokens(TokenTableWriter table, int[] remap)
    {
        var section = new ByteWriter(table.Tokens.Count * 5);
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
        var ordered = new (int Kind, int Text, int Leading, int Trailing)[table.Tokens.Count];
        for (var i = 0; i < ordered.Length; i++) ordered[remap[i]] = table.Tokens[i];
        foreach (var (kind, text, leading, trailing) in ordered)
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
