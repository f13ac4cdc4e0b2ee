using System.Buffers.Binary;
using System.Collections.Immutable;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Loads a Pre-AST file written by <see cref="PreAstWriter"/> (format of
/// <see cref="PreAstFormat"/>). The SHA-256 over the stored bytes is checked
/// first, so a truncated or damaged file is caught before any decoding; then
/// the sections are decoded on all cores: the token table once, the file
/// blocks each with their own node builder. Anything wrong with the file
/// (foreign, version 1, newer, truncated, damaged, inconsistent) is a
/// <see cref="PreAstFormatException"/> with a one-line reason.
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
        var sw = System.Diagnostics.Stopwatch.StartNew();
        CheckPreamble(bytes, name);
        T("preamble", sw);
        try
        {
            return ReadBody(bytes, name);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // From a parallel decode: report the first problem as if read in order.
            var first = e.Flatten().InnerExceptions[0];
            if (first is PreAstFormatException format) throw format;
            if (IsCorruption(first)) throw Corrupt(name, first);
            throw;
        }
        catch (Exception e) when (IsCorruption(e))
        {
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

    /// <summary>Signature, version and checksum: the parts every version keeps at the same place.</summary>
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
        var digest = SHA256.HashData(bytes.AsSpan(PreAstFormat.BodyOffset));
        if (!digest.AsSpan().SequenceEqual(bytes.AsSpan(PreAstFormat.DigestOffset, digest.Length)))
        {
            throw new PreAstFormatException(name, "truncated or corrupt Pre-AST file (its SHA-256 does not match its contents)");
        }
    }

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
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var sections = DecodeSections(bytes);
        T("sections", sw);
        var head = new ByteReader(sections[PreAstFormat.HeadSection].Span);
        var metadata = new PreAstMetadata(PreAstBuilder.FormatVersion, Producer: head.String(), KernelRelease: head.String(),
            Architecture: head.String(), ModuleSource: head.String(), ContentHash: head.String());
        var searchPath = ImmutableArray.CreateBuilder<string>(head.Count());
        for (var i = 0; i < searchPath.Capacity; i++) searchPath.Add(head.String());
        var forced = ImmutableArray.CreateBuilder<int>(head.Count());
        for (var i = 0; i < forced.Capacity; i++) forced.Add(head.Varint());
        var sources = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        var sourceCount = head.Count();
        for (var i = 0; i < sourceCount; i++) sources[head.String()] = head.Varint();
        var missing = ImmutableArray.CreateBuilder<MissingInclude>(head.Count());
        for (var i = 0; i < missing.Capacity; i++) missing.Add(new MissingInclude(head.String(), head.String(), head.Varint()));
        var kinds = new SyntaxKind[head.Count()];
        for (var i = 0; i < kinds.Length; i++)
        {
            var kind = head.String();
            kinds[i] = Enum.TryParse<SyntaxKind>(kind, out var k) ? k : throw new InvalidDataException($"unknown syntax kind '{kind}'");
        }
        var fileCount = head.Varint();
        var blocks = new int[head.Count()];
        if (blocks.Length != sections.Length - PreAstFormat.FirstFileSection) throw new InvalidDataException("block count differs from the sections");
        var starts = new int[blocks.Length + 1];
        for (var i = 0; i < blocks.Length; i++) starts[i + 1] = checked(starts[i] + (blocks[i] = head.Varint()));
        if (starts[^1] != fileCount || fileCount == 0) throw new InvalidDataException($"{fileCount} files, in blocks holding {starts[^1]}");
        if (fileCount > bytes.Length) throw new InvalidDataException("more files than bytes");
        var counts = new TokenTable.Counts(head.Varint(), head.Varint(), head.Varint(), head.Varint());
        head.ExpectEnd("head");

        var table = TokenTable.Read(sections[PreAstFormat.StringSection], sections[PreAstFormat.TokenSection], kinds, counts);
        T("table", sw);
        var loaded = new PreAstFile[fileCount];
        Parallel.For(0, blocks.Length, () => new FileDecoder(table), (block, _, decoder) =>
        {
            var reader = new ByteReader(sections[PreAstFormat.FirstFileSection + block].Span);
            for (var id = starts[block]; id < starts[block + 1]; id++) loaded[id] = decoder.Read(ref reader, id);
            reader.ExpectEnd("file block");
            return decoder;
        }, _ => { });

        T("files", sw);
        var files = ImmutableArray.Create(loaded);
        foreach (var id in forced) CheckId(id, files.Length);
        foreach (var id in sources.Values) CheckId(id, files.Length);
        foreach (var link in files.SelectMany(f => f.Includes)) CheckId(link.Target, files.Length);
        return new PreAst.PreAst(metadata, searchPath.MoveToImmutable(), files, forced.MoveToImmutable(), missing.MoveToImmutable())
        {
            Sources = sources.ToImmutable(),
        };
    }

    internal static void T(string what, System.Diagnostics.Stopwatch sw)
    {
        if (Environment.GetEnvironmentVariable("LX_TIMING") is null) return;
        Console.Error.WriteLine($"  {what}: {sw.Elapsed.TotalMilliseconds:F1} ms");
        sw.Restart();
    }

    private static void CheckId(int id, int count)
    {
        if (id >= count || id < -1) throw new InvalidDataException($"file id {id} out of range");
    }

    /// <summary>The section table, then every section decoded (in parallel: deflate is the costly part).</summary>
    private static ReadOnlyMemory<byte>[] DecodeSections(byte[] bytes)
    {
        var table = new ByteReader(bytes.AsSpan(PreAstFormat.BodyOffset));
        var count = table.UInt32();
        if (count < PreAstFormat.FirstFileSection || count > table.Remaining / 9) throw new InvalidDataException($"{count} sections");
        var codecs = new byte[count];
        var stored = new int[count];
        var lengths = new int[count];
        for (var i = 0; i < count; i++)
        {
            codecs[i] = table.Byte();
            stored[i] = (int)Math.Min(table.UInt32(), int.MaxValue);
            var length = table.UInt32();
            if (length > PreAstFormat.MaxSectionLength) throw new InvalidDataException($"a section of {length} bytes");
            lengths[i] = (int)length;
        }
        var offsets = new int[count + 1];
        offsets[0] = PreAstFormat.BodyOffset + table.Position;
        for (var i = 0; i < count; i++) offsets[i + 1] = (int)Math.Min((long)offsets[i] + stored[i], int.MaxValue);
        if (offsets[^1] != bytes.Length) throw new InvalidDataException("sections do not fill the file");
        var sections = new ReadOnlyMemory<byte>[count];
        Parallel.For(0, count, i => sections[i] = SectionCodec.Decode(bytes, offsets[i], stored[i], codecs[i], lengths[i]));
        return sections;
    }
}
