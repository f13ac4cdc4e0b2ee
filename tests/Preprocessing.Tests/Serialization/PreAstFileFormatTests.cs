using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Preprocessing.Tests.Serialization;

public class PreAstFileFormatTests
{
    internal static byte[] Save(PreAst.PreAst preAst, bool compress = false)
    {
        using var stream = new MemoryStream();
        PreAstWriter.Write(preAst, stream, compress);
        return stream.ToArray();
    }

    /// <summary>Recomputes the SHA-256 of the preamble, as a deliberate editor of the file would.</summary>
    internal static byte[] Reseal(byte[] bytes)
    {
        SHA256.HashData(bytes.AsSpan(58), bytes.AsSpan(26, 32));
        return bytes;
    }

    internal static void AssertEqual(PreAst.PreAst original, PreAst.PreAst loaded)
    {
        Assert.Equal(original.Metadata, loaded.Metadata);
        // ImmutableArray equality is by reference: compare contents.
        Assert.Equal(original.SearchPath.ToArray(), loaded.SearchPath.ToArray());
        Assert.Equal(original.ForcedIncludes.ToArray(), loaded.ForcedIncludes.ToArray());
        Assert.Equal(original.Missing.ToArray(), loaded.Missing.ToArray());
        Assert.Equal(original.Sources.ToArray(), loaded.Sources.ToArray());
        Assert.Equal(original.Files.Length, loaded.Files.Length);
        for (var i = 0; i < original.Files.Length; i++)
        {
            var (a, b) = (original.Files[i], loaded.Files[i]);
            Assert.Equal(i, b.Id);
            Assert.Equal(a.Path, b.Path);
            Assert.Equal(a.SearchDir, b.SearchDir);
            Assert.Equal(a.Includes.ToArray(), b.Includes.ToArray());
            Assert.Equal(a.HasInclude.ToArray(), b.HasInclude.ToArray());
            Assert.True(a.Root.IsEquivalentTo(b.Root), $"{a.Path}: loaded tree differs");
        }
        // The loaded trees print back the very texts the build hashed.
        Assert.Equal(original.Metadata.ContentHash, PreAstBuilder.ContentHash(loaded.Files));
    }

    [Theory]
    [MemberData(nameof(KernelPreAsts.Trees), MemberType = typeof(KernelPreAsts))]
    public void Round_trips_to_an_equal_tree(string kernel, bool rt)
    {
        var original = KernelPreAsts.Get(kernel, rt).PreAst;
        var loaded = PreAstReader.Read(Save(original), "test.preast");
        AssertEqual(original, loaded);
        Assert.Contains("bounds.c", loaded.Sources.Keys);
        Assert.Equal(2, loaded.Metadata.FormatVersion);
    }

    [Fact]
    public void Deflated_sections_load_too()
    {
        var original = KernelPreAsts.Get("6.1.0-56", false).PreAst;
        var deflated = Save(original, compress: true);
        AssertEqual(original, PreAstReader.Read(deflated, "deflated.preast"));
        Assert.True(deflated.Length < Save(original).Length * 0.7, "deflated sections are smaller");
    }

    /// <summary>Conditionals nested to the parser's limit and past it (where they become control lines with an error) come back the same.</summary>
    [Fact]
    public void Deep_conditionals_round_trip()
    {
        var depth = Preprocessing.Parsing.DirectiveParser.MaxConditionalDepth + 20;
        var text = string.Concat(Enumerable.Repeat("#if 1\n", depth)) + "int deep;\n" + string.Concat(Enumerable.Repeat("#endif\n", depth));
        var dir = Linking.PreAstBuilderTests.Tree(("include/linux/deep.h", text));
        var original = Linking.PreAstBuilderTests.Build(dir, "#include <linux/deep.h>\n");
        foreach (var compress in new[] { false, true }) AssertEqual(original, PreAstReader.Read(Save(original, compress), "deep.preast"));
    }

    [Fact]
    public void Starts_with_the_format_name_and_version()
    {
        var bytes = Save(KernelPreAsts.Get("6.1.0-56", false).PreAst);
        Assert.Equal("layout-expert/pre-ast\0", Encoding.ASCII.GetString(bytes, 0, 22));
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(22)));
        Assert.Equal(SHA256.HashData(bytes.AsSpan(58)), bytes[26..58]);
    }

    /// <summary>Leaves whose tokens carry lexer diagnostics are stored as text and lexed again: same tokens, same diagnostics.</summary>
    [Fact]
    public void Lexer_diagnostics_survive_the_round_trip()
    {
        var original = OddPreAst();
        var stored = Save(original);
        var loaded = PreAstReader.Read(stored, "odd.preast");
        // The leaf with the unterminated character constant is kept as its text.
        Assert.True(stored.AsSpan().IndexOf("#warning don't\n"u8) >= 0);
        AssertEqual(original, loaded);
        var diagnostics = loaded.Files.SelectMany(f => f.Tree.GetDiagnostics()).Select(d => d.ToString()).ToArray();
        Assert.Equal(original.Files.SelectMany(f => f.Tree.GetDiagnostics()).Select(d => d.ToString()), diagnostics);
        // Unterminated comment, character constant and string: the lexer's own diagnostics, each found by lexing the stored text again.
        foreach (var code in new[] { "LE1001", "LE1002", "LE1003" }) Assert.Contains(diagnostics, d => d.Contains(code, StringComparison.Ordinal));
        // And the directive builder's, rebuilt from stored tokens (#elif after #else, duplicate parameter, #undef without a name).
        Assert.True(diagnostics.Length >= 6, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Writing_is_deterministic()
    {
        var preAst = KernelPreAsts.Get("6.1.0-56", false).PreAst;
        Assert.Equal(Save(preAst), Save(preAst));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "empty", "not a Pre-AST file" },
        { "foreign", "not a Pre-AST file" },
        { "binary", "not a Pre-AST file" },
        { "gzip", "not a Pre-AST file" },
        { "version-1", "format version 1 (gzip'd JSON), which this LayoutExpert no longer reads; rebuild it" },
        { "version-1-plain", "format version 1" },
        { "newer", "newer than this LayoutExpert reads" },
        { "version-0", "unsupported Pre-AST format version 0" },
        { "short", "truncated Pre-AST file" },
        { "truncated", "truncated or corrupt Pre-AST file (its SHA-256 does not match" },
        { "tampered", "truncated or corrupt Pre-AST file (its SHA-256 does not match" },
        { "resealed-sections", "corrupt Pre-AST: " },
        { "resealed-kind", "corrupt Pre-AST: unknown syntax kind" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_give_a_clear_error(string kind, string message)
    {
        var good = Save(SmallPreAst(), compress: true);
        var stored = Save(SmallPreAst());
        byte[] bytes = kind switch
        {
            "empty" => [],
            "foreign" => Encoding.UTF8.GetBytes("{\"format\":\"rekall-profile\",\"version\":1}"),
            "binary" => [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0],
            "gzip" => Gzip("CONFIG_X86_64=y\n"),
            "version-1" => Gzip("{\"format\":\"layout-expert/pre-ast\",\"version\":1,\"producer\":\"LayoutExpert 0.1.0\"}"),
            "version-1-plain" => Encoding.UTF8.GetBytes("{\"format\":\"layout-expert/pre-ast\",\"version\":1}"),
            "newer" => WithVersion(good, 99),
            "version-0" => WithVersion(good, 0),
            "short" => good[..40],
            "truncated" => good[..(good.Length / 2)],
            "tampered" => Replace(stored, "linux/a.h", "linux/q.h"),
            "resealed-sections" => Reseal(WithBytes(good, 58, [1, 0, 0, 0])),
            "resealed-kind" => Reseal(Replace(stored, "IdentifierToken", "IdentifierTokem")),
            _ => throw new ArgumentException(kind),
        };
        var error = Assert.Throws<PreAstFormatException>(() => PreAstReader.Read(bytes, "bad.preast"));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("bad.preast: ", error.Message);
        Assert.DoesNotContain(error.Message, char.IsControl);
    }

    /// <summary>Without re-sealing, any edit is caught by the checksum before decoding.</summary>
    [Fact]
    public void The_checksum_catches_an_edit_that_still_decodes()
    {
        var stored = Save(SmallPreAst());
        var edited = Replace(stored, "linux/a.h", "linux/q.h");
        var loaded = PreAstReader.Read(Reseal((byte[])edited.Clone()), "edited.preast");
        Assert.Contains(loaded.Files, f => f.Root.ToFullString().Contains("<linux/q.h>", StringComparison.Ordinal));
        Assert.Throws<PreAstFormatException>(() => PreAstReader.Read(edited, "edited.preast"));
    }

    internal static PreAst.PreAst SmallPreAst()
    {
        var dir = Linking.PreAstBuilderTests.Tree(("include/linux/a.h", "#ifndef A\n#define A 1\nint x;\n#endif\n"));
        return Linking.PreAstBuilderTests.Build(dir, "#include <linux/a.h>\n");
    }

    /// <summary>Every shape the format stores: conditionals with all group kinds, strays, function-like macros, lexer errors, computed and missing includes.</summary>
    internal static PreAst.PreAst OddPreAst()
    {
        var dir = Linking.PreAstBuilderTests.Tree(
            ("include/linux/a.h", "#ifndef A /* guard */\n#define A(x, ...) ((x) + __VA_ARGS__)\n#if __has_include(<linux/b.h>)\n#include <linux/b.h>\n"
                + "#elif defined(B)\nint b;\n#elifdef C\n#else\n#warning don't\n#else\n#endif\n#endif\n#endif\n"),
            ("include/linux/b.h", "#pragma once\n#include_next <linux/b.h>\nchar c = 'x\nconst char *s = \"open;\n# 12 \"b.h\"\n#\n"
                + "#if 1\n#if 2\nint deep;\n#endif\n#define F(a, a) a\n#undef\n/* never closed"));
        return Linking.PreAstBuilderTests.Build(dir, "#include <linux/a.h>\n#include MACRO\n#include \"nowhere.h\"\n\\\n");
    }

    private static byte[] Gzip(string text)
    {
        using var stream = new MemoryStream();
        using (var gzip = new GZipStream(stream, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return stream.ToArray();
    }

    private static byte[] WithVersion(byte[] bytes, uint version)
    {
        var copy = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(copy.AsSpan(22), version);
        return copy;
    }

    private static byte[] WithBytes(byte[] bytes, int at, byte[] replacement)
    {
        var copy = (byte[])bytes.Clone();
        replacement.CopyTo(copy, at);
        return copy;
    }

    private static byte[] Replace(byte[] bytes, string from, string to)
    {
        var copy = (byte[])bytes.Clone();
        var at = copy.AsSpan().IndexOf(Encoding.UTF8.GetBytes(from));
        Assert.True(at >= 0, $"'{from}' is stored as text");
        Encoding.UTF8.GetBytes(to).CopyTo(copy, at);
        return copy;
    }
}
