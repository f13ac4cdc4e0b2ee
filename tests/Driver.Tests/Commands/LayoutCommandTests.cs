using System.Text.Json;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Commands;

/// <summary>
/// The layout command through its public entry (Cli.Run with arguments, via
/// <see cref="CliRunner"/>), its output checked against what gcc's DWARF says
/// about the same file.
/// </summary>
public sealed class LayoutCommandTests
{
    private const string Source = """
        struct inner { short x; char y; };
        struct s {
          char c;
          int i;
          long l;
          unsigned b : 3, d : 7;
          struct inner in;
          union { int u1; double u2; };
          char tail[] ;
        };
        typedef struct s s_t;
        enum colour { RED, GREEN = 5, BLUE = -1 };
        #pragma pack(1)
        struct packed { char c; long l; };
        #pragma pack()
        """;

    private static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static string Write(string text, string name = "unit.c")
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-layoutcmd-").FullName;
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Json_output_matches_gcc_dwarf()
    {
        var path = Write(Source);
        var (exit, output, errors) = Run("layout", path, "--json");
        Assert.True(exit == 0, errors);
        var gcc = DwarfReader.ReadLayouts(Gcc.CompileObject(Source, "-g", "-O0", "-fno-eliminate-unused-debug-types", "-w"));
        using var json = JsonDocument.Parse(output);
        var records = json.RootElement.GetProperty("records");
        foreach (var (name, record) in gcc.Records)
        {
            var ours = records.GetProperty(name);
            Assert.Equal(record.Size, ours.GetProperty("size").GetInt64());
            var members = ours.GetProperty("members").EnumerateArray().ToList();
            Assert.Equal(record.Members.Length, members.Count);
            for (var i = 0; i < members.Count; i++)
            {
                Assert.Equal(record.Members[i].BitOffset, members[i].GetProperty("bit_offset").GetInt64());
                Assert.Equal(record.Members[i].Type.Canonical, members[i].GetProperty("type").GetString());
            }
        }
        var colour = json.RootElement.GetProperty("enums").GetProperty("colour");
        Assert.Equal(gcc.Enums["colour"].BaseType, colour.GetProperty("base_type").GetString());
        Assert.Equal("struct s", json.RootElement.GetProperty("typedefs").GetProperty("s_t").GetString());
    }

    [Fact]
    public void Text_output_is_pahole_like_for_the_selected_type()
    {
        var path = Write(Source);
        var (exit, output, errors) = Run("layout", path, "--type", "s_t", "--type", "struct packed");
        Assert.True(exit == 0, errors);
        var gcc = DwarfReader.ReadLayouts(Gcc.CompileObject(Source, "-g", "-O0", "-fno-eliminate-unused-debug-types", "-w"));
        Assert.Contains("typedef struct s s_t;", output);
        Assert.Contains($"/* size: {gcc.Records["s"].Size}, alignment: 8, members: {gcc.Records["s"].Members.Length} */", output);
        Assert.Contains($"/* size: {gcc.Records["packed"].Size}, alignment: 1, members: 2 */", output);
        Assert.Contains("/* XXX 3 bytes hole, try to pack */", output);
        Assert.Matches(@"unsigned int d:7;\s+/\*\s+16:3\s+4 \*/", output);
        Assert.DoesNotContain("enum colour", output);
    }

    [Fact]
    public void Directives_are_reported_with_their_line()
    {
        var path = Write("struct a { int x; };\n#include <stdio.h>\n");
        var (exit, _, errors) = Run("layout", path);
        Assert.Equal(1, exit);
        Assert.Contains(path + ":2:1: error: #include needs the preprocessor", errors);
    }

    [Fact]
    public void Errors_in_the_c_are_diagnostics_with_locations()
    {
        var path = Write("struct a { int x[sizeof(struct nope)]; };\nunion a;\nstruct b { int y : 40; };\n");
        var (exit, output, errors) = Run("layout", path);
        Assert.Equal(1, exit);
        Assert.Contains(path + ":1:", errors);
        Assert.Contains("incomplete type struct nope", errors);
        Assert.Contains(path + ":2:7: error: 'a' defined as wrong kind of tag", errors);
        Assert.DoesNotContain("   at ", errors);
        Assert.Equal("", output);
    }

    [Fact]
    public void Layout_problems_exit_with_1()
    {
        var path = Write("struct b { char c; int y : 40; };\n");
        var (exit, _, errors) = Run("layout", path);
        Assert.Equal(1, exit);
        Assert.Contains("struct b", errors);
        Assert.Contains("width", errors);
    }

    [Fact]
    public void Missing_file_and_unknown_type_exit_with_1()
    {
        var (exit, _, errors) = Run("layout", "/nonexistent/unit.c");
        Assert.Equal(1, exit);
        Assert.Contains("/nonexistent/unit.c: no such file", errors);
        var path = Write(Source);
        (exit, _, errors) = Run("layout", path, "--type", "struct nosuch");
        Assert.Equal(1, exit);
        Assert.Contains("no type named 'struct nosuch'", errors);
    }

    [Fact]
    public void Gcc_preprocessed_input_maps_diagnostics_to_headers()
    {
        var header = Write("struct good { long a; char b; };\nstruct bad { int x[sizeof(struct nope)]; };\n", "h.h");
        var main = Path.Combine(Path.GetDirectoryName(header)!, "main.c");
        File.WriteAllText(main, "#include \"h.h\"\nstruct top { struct good g; };\n");
        var preprocessed = Path.Combine(Path.GetDirectoryName(header)!, "main.i");
        Gcc.Run(Gcc.Executable, ["-E", main, "-o", preprocessed]);
        var (exit, _, errors) = Run("layout", preprocessed);
        Assert.Equal(1, exit);
        Assert.Contains(header + ":2:", errors);

        File.WriteAllText(header, "struct good { long a; char b; };\n");
        Gcc.Run(Gcc.Executable, ["-E", main, "-o", preprocessed]);
        (exit, var output, errors) = Run("layout", preprocessed, "--type", "struct top");
        Assert.True(exit == 0, errors);
        Assert.Contains("/* size: 16, alignment: 8, members: 1 */", output);
    }
}
