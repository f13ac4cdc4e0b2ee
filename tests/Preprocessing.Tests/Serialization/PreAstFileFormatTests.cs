using System.IO.Compression;
using System.Text;
using LayoutExpert.Preprocessing.Serialization;

namespace LayoutExpert.Preprocessing.Tests.Serialization;

public class PreAstFileFormatTests
{
    private static byte[] Save(PreAst.PreAst preAst, bool compress = true)
    {
        using var stream = new MemoryStream();
        PreAstWriter.Write(preAst, stream, compress);
        return stream.ToArray();
    }

    [Theory]
    [MemberData(nameof(KernelPreAsts.Trees), MemberType = typeof(KernelPreAsts))]
    public void Round_trips_to_an_equal_tree(string kernel, bool rt)
    {
        var original = KernelPreAsts.Get(kernel, rt).PreAst;
        var loaded = PreAstReader.Read(Save(original), "test.preast");
        Assert.Equal(original.Metadata, loaded.Metadata);
        // ImmutableArray equality is by reference: compare contents.
        Assert.Equal(original.SearchPath.ToArray(), loaded.SearchPath.ToArray());
        Assert.Equal(original.ForcedIncludes.ToArray(), loaded.ForcedIncludes.ToArray());
        Assert.Equal(original.Missing.ToArray(), loaded.Missing.ToArray());
        Assert.Equal(original.Sources.ToArray(), loaded.Sources.ToArray());
        Assert.Contains("bounds.c", loaded.Sources.Keys);
        Assert.Equal(original.Files.Length, loaded.Files.Length);
        for (var i = 0; i < original.Files.Length; i++)
        {
            var (a, b) = (original.Files[i], loaded.Files[i]);
            Assert.Equal(a.Path, b.Path);
            Assert.Equal(a.SearchDir, b.SearchDir);
            Assert.Equal(a.Includes.ToArray(), b.Includes.ToArray());
            Assert.Equal(a.HasInclude.ToArray(), b.HasInclude.ToArray());
            Assert.True(a.Root.IsEquivalentTo(b.Root), $"{a.Path}: loaded tree differs");
        }
    }

    [Fact]
    public void Is_self_describing_json_inside_gzip()
    {
        var bytes = Save(KernelPreAsts.Get("6.1.0-56", false).PreAst);
        Assert.Equal(new byte[] { 0x1f, 0x8b }, bytes[..2]);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        var head = new char[400];
        reader.ReadBlock(head);
        var text = new string(head);
        Assert.StartsWith("{\"format\":\"layout-expert/pre-ast\",\"version\":1,", text);
        Assert.Contains("\"kernelRelease\":\"6.1.0-56-amd64\"", text);
        Assert.Contains("\"architecture\":\"x86_64\"", text);
        Assert.Contains("\"contentHash\":\"sha256:", text);
    }

    [Fact]
    public void Plain_json_loads_too()
    {
        var original = KernelPreAsts.Get("6.1.0-56", false).PreAst;
        var loaded = PreAstReader.Read(Save(original, compress: false), "plain.json");
        Assert.Equal(original.Metadata, loaded.Metadata);
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "truncated", "truncated or corrupt" },
        { "truncated-json", "truncated or corrupt JSON" },
        { "foreign", "not a Pre-AST file" },
        { "binary", "not a Pre-AST file" },
        { "newer", "newer than this LayoutExpert reads" },
        { "tampered", "content hash mismatch" },
        { "bad-tree", "corrupt Pre-AST" },
        { "empty", "not a Pre-AST file" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_files_give_a_clear_error(string kind, string message)
    {
        var plain = Encoding.UTF8.GetString(Save(SmallPreAst(), compress: false));
        byte[] bytes = kind switch
        {
            "truncated" => Save(SmallPreAst())[..200],
            "truncated-json" => Encoding.UTF8.GetBytes(plain[..(plain.Length / 2)]),
            "foreign" => Encoding.UTF8.GetBytes("{\"format\":\"rekall-profile\",\"version\":1}"),
            "binary" => [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0],
            "newer" => Encoding.UTF8.GetBytes(plain.Replace("\"version\":1,", "\"version\":99,")),
            "tampered" => Encoding.UTF8.GetBytes(plain.Replace("int x;", "int y;")),
            "bad-tree" => Encoding.UTF8.GetBytes(plain.Replace("{\"line\":\"#define", "{\"line\":\"define")),
            _ => [],
        };
        var error = Assert.Throws<PreAstFormatException>(() => PreAstReader.Read(bytes, "bad.preast"));
        Assert.Contains(message, error.Message);
        Assert.StartsWith("bad.preast: ", error.Message);
    }

    private static PreAst.PreAst SmallPreAst()
    {
        var dir = Linking.PreAstBuilderTests.Tree(("include/linux/a.h", "#ifndef A\n#define A 1\nint x;\n#endif\n"));
        return Linking.PreAstBuilderTests.Build(dir, "#include <linux/a.h>\n");
    }
}
