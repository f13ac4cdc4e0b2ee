using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using Xunit.Abstractions;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// The result of a bind with reuse is patched from the previous one (only
/// names whose symbol or location changed get new entries, the sorted
/// dictionaries are edited rather than rebuilt when few changed) and the unit
/// is trimmed through a cache of kinds per node: both must give exactly what
/// a fresh trim and bind give. Units here hold many names (so that an edit
/// changes few and the patch path runs), and edits replace a declaration by
/// another kind of thing under the same name (a global become a function or
/// a typedef), delete names, add names, and add lines before declarations
/// (moving their locations while their symbols stay the same objects).
/// </summary>
public sealed class ResultPatchPropertyTests(ITestOutputHelper output)
{
    private static Gen<string> DeclarationOf(int i) =>
        from template in Gen.Choose(0, 10)
        from j in Gen.Choose(0, 59)
        select template switch
        {
            0 => $"int v{i};",
            1 => $"int v{i}(int);",
            2 => $"enum {{ K{i} = {i} }};",
            3 => $"static long v{i} = {j};",
            4 => $"struct s{i} {{ int x; long y; }};",
            5 => $"typedef struct s{j} T{i};",
            6 => $"struct s{i} {{ char x[sizeof(struct s{j}) + 1]; }};",
            7 => $"extern int v{i}[];",
            8 => $"void v{i}(void) {{ }}",
            9 => $"typedef long v{i};",
            _ => $"int\nw{i}\n;",
        };

    private static readonly Gen<string> AnyDeclaration = Gen.Choose(0, 59).SelectMany(DeclarationOf);

    private static readonly Gen<LineEdit> Edits = Gen.OneOf(
        Gen.Choose(0, 1000).Zip(AnyDeclaration, (at, text) => (LineEdit)new ReplaceLine(at, text)),
        Gen.Choose(0, 1000).Zip(AnyDeclaration, (at, text) => (LineEdit)new InsertLine(at, text)),
        Gen.Choose(0, 1000).Select(at => (LineEdit)new InsertLine(at, "")),
        Gen.Choose(0, 1000).Select(at => (LineEdit)new DeleteLine(at)));

    private static readonly Gen<(List<string> Unit, List<LineEdit> Edits)> Cases =
        from count in Gen.Choose(30, 60)
        from unit in Gen.CollectToArray(Enumerable.Range(0, count), DeclarationOf)
        from editCount in Gen.Choose(1, 6)
        from edits in Gen.ListOf(Edits, editCount)
        select (unit.ToList(), edits.ToList());

    [Fact]
    public void Patched_results_and_cached_trims_equal_fresh_ones()
    {
        var patched = 0;
        var rebuilt = 0;
        var property = Prop.ForAll(Cases.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var declarations = new ReusableDeclarations();
            var reuse = new BindingReuse();
            var unit = testCase.Unit;
            CompareWithFresh(unit, cache, declarations, reuse);
            foreach (var edit in testCase.Edits)
            {
                edit.ApplyTo(unit);
                CompareWithFresh(unit, cache, declarations, reuse);
                if (reuse.LastResult.Changed > 0 && reuse.LastResult.Rebuilt < 3) patched++;
                if (reuse.LastResult.Rebuilt > 0) rebuilt++;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        output.WriteLine($"after edits: {patched} results patched, {rebuilt} with a table rebuilt");
        // Both ways of making a sorted dictionary must have run.
        Assert.True(patched > 100, $"only {patched} results patched");
        Assert.True(rebuilt > 0, "no table rebuilt");
    }

    private static void CompareWithFresh(List<string> unit, GreenNodeCache cache, ReusableDeclarations declarations, BindingReuse reuse)
    {
        var text = string.Join("\n", unit) + "\n";
        var parsed = CSyntax.Root(CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache, declarations).ToSyntaxTree("unit.c"))!;
        var fresh = CSyntax.Root(BoundUnits.ParseFresh(text))!;

        // The cached kinds are the kinds: same items, same kinds, same positions (the nodes are the two parses' own).
        var freshTrim = Trimmer.Trim(fresh);
        var cachedTrim = Trimmer.Trim(parsed, reuse.Trims);
        Assert.Equal(freshTrim.Items.Select(i => (i.Kind, i.SyntaxKind, i.Position)), cachedTrim.Items.Select(i => (i.Kind, i.SyntaxKind, i.Position)));
        Assert.Equal(freshTrim.Dropped, cachedTrim.Dropped);

        var withReuse = Binder.Bind(parsed, d => new RecordLayout(d), new BinderOptions(), reuse);
        var freshBound = Binder.Bind(fresh, d => new RecordLayout(d), new BinderOptions());
        BoundUnits.AssertSame(freshBound, withReuse, text);
    }
}
