using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Input;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Semantics.Tests.Input;

/// <summary>gcc -E output: line markers (even inside a declaration) are removed and diagnostics map back to the header and line.</summary>
public sealed class PreprocessedSourceTests
{
    [Fact]
    public void Line_markers_go_and_locations_come_back_to_the_headers()
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-markers-").FullName;
        var header = Path.Combine(dir, "h.h");
        File.WriteAllText(header, "#define FIELDS \\\n  int a; \\\n  int b;\nstruct good { FIELDS };\n\nstruct bad { int x[sizeof(struct nope)]; };\n");
        var main = Path.Combine(dir, "main.c");
        File.WriteAllText(main, "#include \"h.h\"\nstruct top {\n#include \"members.h\"\n};\n");
        File.WriteAllText(Path.Combine(dir, "members.h"), "long m;\n");
        var text = Gcc.Run(Gcc.Executable, ["-E", main]);
        Assert.Contains("# 1 \"", text);

        var cache = new GreenNodeCache();
        var stripped = PreprocessedSource.StripLineMarkers(Lexer.LexAll(text, cache), main + ".i");
        var parsed = CParser.ParseTranslationUnit(stripped.Tokens, cache);
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics.Select(d => d.Message)));
        var tree = parsed.ToSyntaxTree(main + ".i");
        var unit = Binder.Bind(CSyntax.Root(tree)!, definitions => new AbiLayout(definitions));
        var error = Assert.Single(unit.Errors);
        var location = stripped.Lines.Map(error.Location!.Value, tree.Text);
        Assert.Equal(header, location.Path);
        Assert.Equal(6, location.Line);
        Assert.Equal(["m"], unit.Types.Records.Values.Single(r => r.Id.Tag == "top").Fields.Select(f => f.Name));
    }

    [Fact]
    public void Directives_other_than_markers_and_pragmas_are_found()
    {
        var tokens = Lexer.LexAll("# 1 \"x.c\"\n#pragma pack(1)\nint a;\n  #  define X 1\n#include <y.h>\n", new GreenNodeCache());
        Assert.Equal(["define", "include"], PreprocessedSource.FindDirectives(tokens).Select(d => d.Name));
    }
}
