using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Loads a Pre-AST file written by <see cref="PreAstWriter"/> (format of
/// <see cref="PreAstFormat"/>) on all cores, in three passes: the SHA-256 of
/// the stored bytes alongside the inflating of the sections and the cutting of
/// the strings; the tokens; the file blocks, each thread with its own node
/// builder. The checksum is known before any tree is built, and a damaged
/// file is reported as such whatever else its damage broke. Anything wrong
/// with the file (foreign, version 1, newer, truncated, damaged, inconsistent)
/// is a <see cref="PreAstFormatException"/> with a one-line reason.
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
        CheckPreamble(bytes, name);
        try
        {
            return ReadBody(bytes, name);
        }
        catch (PreAstFormatException)
        {
            throw;
        }
        catch (Exception e) when (IsCorruption(e))
        {
            // The checksum is verified while the sections decode; a failure before that is most likely damage it would have found.
            if (!ChecksumMatches(bytes)) throw ChecksumMismatch(name);
            throw Corrupt(name, e);
        }
    }

    /// <summary>A decoding error, on one line: the message may quote damaged bytes, so control characters are masked and length bounded.</summary>
    private static PreAstFormatException Corrupt(string name, Exception e)
    {
        var reason = string.Concat(e.Message.Take(200).Select(c => char.IsControl(c) ? '?' : c));
        return new PreAstFormatException(name, "corrupt Pre-AST: " + reason, e);
    }

    /// <summary>
    /// What a damaged file can raise while decoding. The checksum makes these
    /// unreachable by accident; they remain for a file altered and re-sealed.
    /// </summary>
    private static bool IsCorruption(Exception e) =>
        e is InvalidDataException or EndOfStreamException or IndexOutOfRangeException or ArgumentException
            or InvalidOperationException or OverflowException;

    /// <summary>Signature and version: the parts every version keeps at the same place.</summary>
    private static void CheckPreamble(byte[] bytes, string name)
    {
        var magic = PreAstFormat.Magic;
        if (bytes.Length == 0) throw new PreAstFormatException(name, "not a Pre-AST file (empty)");
        if (!bytes.AsSpan().StartsWith(magic) && !(bytes.Length < magic.Length && magic.StartsWith(bytes)))
        {
            if (IsVersion1(bytes))
            {
                throw new PreAstFormatException(name,
                    "written in Pre-AST format version 1 (gzip'd JSON), which this LayoutExpert no longer reads; rebuild it with build-pre-ast");
            }
            throw new PreAstFormatException(name, $"not a Pre-AST file (it does not start with \"{PreAstFormat.FormatName}\")");
        }
        if (bytes.Length < PreAstFormat.BodyOffset) throw new PreAstFormatException(name, $"truncated Pre-AST file ({bytes.Length} bytes)");
        var version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(PreAstFormat.VersionOffset));
        if (version > PreAstBuilder.FormatVersion)
        {
            throw new PreAstFormatException(name,
                $"written in Pre-AST format version {version}, newer than this LayoutExpert reads (up to {PreAstBuilder.FormatVersion}); rebuild it or upgrade");
        }
        if (version != PreAstBuilder.FormatVersion) throw new PreAstFormatException(name, $"unsupported Pre-AST format version {version}");
    }

    private static bool ChecksumMatches(byte[] bytes)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(bytes.AsSpan(PreAstFormat.BodyOffset), digest);
        return digest.SequenceEqual(bytes.AsSpan(PreAstFormat.DigestOffset, 32));
    }

    private static PreAstFormatException ChecksumMismatch(string name) =>
        new(name, "truncated or corrupt Pre-AST file (its SHA-256 does not match its contents)");

    /// <summary>Version 1 was JSON, gzip'd or plain, starting {"format":"layout-expert/pre-ast".</summary>
    private static bool IsVersion1(byte[] bytes)
    {
        var head = new byte[64];
        var length = 0;
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            try
            {
                using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
                length = gzip.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return false;
            }
        }
        else
        {
            length = Math.Min(bytes.Length, head.Length);
            bytes.AsSpan(0, length).CopyTo(head);
        }
        return Encoding.UTF8.GetString(head, 0, length).Replace(" ", "").StartsWith("{\"format\":\"" + PreAstFormat.FormatName + "\"", StringComparison.Ordinal);
    }

    private static PreAst.PreAst ReadBody(byte[] bytes, string name)
    {
        var sections = SectionTable.Read(bytes);
        var decoded = new ReadOnlyMemory<byte>[sections.Count];
        var stringChunks = new string[sections.Count][];
        // Item 0 checks the SHA-256 while the others inflate sections and cut the strings sections into strings;
        // as the lowest item, its mismatch is the error reported, whatever else failed on damaged bytes.
        ParallelWork.Run(sections.Count + 1, item =>
        {
            if (item == 0)
            {
                if (!ChecksumMatches(bytes)) throw ChecksumMismatch(name);
                return;
            }
            var section = item - 1;
            decoded[section] = sections.Decode(section);
            if (sections.Kinds[section] == SectionKind.Strings) stringChunks[section] = TokenTable.ReadStrings(decoded[section].Span);
        });
        var layout = sections.Layout();
        var head = Head.Read(decoded[0].Span);
        var strings = JoinStrings(stringChunks.AsSpan(layout.Strings, layout.Trivia - layout.Strings), head.Strings);
        var (tokenCount, fileCount) = (head.Tokens, head.Files);
        var tokenSections = layout.Files - layout.Tokens;
        if (tokenSections != (tokenCount + PreAstFormat.TokensPerSection - 1) / PreAstFormat.TokensPerSection)
        {
            throw new InvalidDataException($"{tokenSections} token sections for {tokenCount} tokens");
        }
        var table = new TokenTable(strings, head.Kinds, tokenCount);
        table.ReadTrivia(decoded[layout.Trivia].Span, head.Trivia, head.TriviaNodes);
        ParallelWork.Run(tokenSections, k => table.ReadTokens(decoded[layout.Tokens + k].Span, k * PreAstFormat.TokensPerSection));

        var blocks = sections.Count - layout.Files;
        var starts = new int[blocks + 1];
        for (var block = 0; block < blocks; block++)
        {
            starts[block + 1] = starts[block] + new ByteReader(decoded[layout.Files + block].Span).Count();
            if (starts[block + 1] > fileCount) throw new InvalidDataException("more files than the head says");
        }
        if (starts[^1] != fileCount || fileCount == 0) throw new InvalidDataException($"{starts[^1]} files, the head says {fileCount}");
        var loaded = new PreAstFile[fileCount];
        ParallelWork.Run(blocks, () => new FileDecoder(table), (decoder, block) =>
        {
            var reader = new ByteReader(decoded[layout.Files + block].Span);
            reader.Count();
            for (var id = starts[block]; id < starts[block + 1]; id++) loaded[id] = decoder.Read(ref reader, id);
            reader.ExpectEnd("files");
        });

        foreach (var id in head.ForcedIncludes) CheckId(id, fileCount);
        foreach (var id in head.Sources.Values) CheckId(id, fileCount);
        foreach (var file in loaded)
        {
            foreach (var link in file.Includes) CheckId(link.Target, fileCount);
        }
        return new PreAst.PreAst(head.Metadata, head.SearchPath, ImmutableCollectionsMarshal.AsImmutableArray(loaded), head.ForcedIncludes, head.Missing)
        {
            Sources = head.Sources.ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>The strings sections' strings, in order: the string table.</summary>
    private static string[] JoinStrings(ReadOnlySpan<string[]> chunks, int count)
    {
        var total = 0L;
        foreach (var chunk in chunks) total += chunk.Length;
        if (total != count) throw new InvalidDataException($"{total} strings, the head says {count}");
        var strings = new string[count];
        var next = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(strings, next);
            next += chunk.Length;
        }
        return strings;
    }

    private static void CheckId(int id, int count)
    {
        if (id >= count || id < -1) throw new InvalidDataException($"file id {id} out of range");
    }
}
