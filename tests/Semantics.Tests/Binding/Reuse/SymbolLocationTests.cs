using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// Locations live beside the symbols, not in them: a declaration that only
/// moved in the unit's text (lines added above it, as a config flip does to
/// most of a kernel unit) keeps its symbol object and its result table, and
/// its location follows the move.
/// </summary>
public sealed class SymbolLocationTests
{
    // Two lines of tags above: the first declaration keeps its tokens and trivia, so every item's node is the previous one.
    private const string Above = "struct pad { int a; };\nstruct pad2 { long b; };\n";

    private const string Body = "int g;\nextern int h[];\nint h[4];\nvoid f(int x) { }\nstatic long s = 3;\n";

    [Fact]
    public void A_moved_declaration_keeps_its_symbol_and_its_location_moves()
    {
        var cache = new GreenNodeCache();
        var declarations = new ReusableDeclarations();
        var reuse = new BindingReuse();
        var before = Bind(Body, cache, declarations, reuse);
        var after = Bind(Above + Body, cache, declarations, reuse);

        Assert.True(reuse.LastBind.Recorded == 2, reuse.LastBind.ToString());
        foreach (var name in new[] { "g", "h", "s" }) Assert.Same(before.Globals[name], after.Globals[name]);
        Assert.Same(before.Functions["f"], after.Functions["f"]);
        // Nothing of the file scope's names changed, so the tables are the previous ones.
        Assert.Same(before.Globals, after.Globals);
        Assert.Same(before.Functions, after.Functions);
        Assert.Equal(0, reuse.LastResult.Changed);

        // h: its first declaration's line (C11 6.2.2: the later one names the same object); lines count from 1; two lines down after.
        Assert.Equal([1, 2, 4, 5], new[] { "g", "h", "f", "s" }.Select(n => before.LocationOf(n)!.Value.Line));
        Assert.Equal([3, 4, 6, 7], new[] { "g", "h", "f", "s" }.Select(n => after.LocationOf(n)!.Value.Line));
        Assert.Equal(before.Locations.OffsetOf("g") + Above.Length, after.Locations.OffsetOf("g"));
    }

    [Fact]
    public void Names_that_are_not_globals_or_functions_have_no_location()
    {
        var unit = Bind("typedef int t;\nenum { K };\nint v;\n", new GreenNodeCache(), new ReusableDeclarations(), null);
        Assert.Null(unit.LocationOf("t"));
        Assert.Null(unit.LocationOf("K"));
        Assert.Null(unit.LocationOf("absent"));
        Assert.Equal(3, unit.LocationOf("v")!.Value.Line);
        Assert.Equal(["v"], unit.Locations.Names);
    }

    private static BoundTranslationUnit Bind(string text, GreenNodeCache cache, ReusableDeclarations declarations, BindingReuse? reuse)
    {
        var root = CSyntax.Root(CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache, declarations).ToSyntaxTree("unit.c"))!;
        return Binder.Bind(root, d => new RecordLayout(d), new BinderOptions(), reuse);
    }
}
