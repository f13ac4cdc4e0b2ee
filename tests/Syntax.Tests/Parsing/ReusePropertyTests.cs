using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using Xunit.Abstractions;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>
/// Reusing declarations across parses gives exactly a fresh parse: random
/// units of declarations over a handful of names (so which are typedef names
/// decides how later declarations parse), edited step by step (declarations
/// inserted, deleted, replaced, and a name made a typedef name early in the
/// unit), each version parsed with one <see cref="ReusableDeclarations"/> and
/// one cache, and compared with a fresh parse: same green structure, same text,
/// same diagnostics.
/// </summary>
public class ReusePropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["T", "U", "a", "b", "A"];

    /// <summary>One declaration (or a broken one, or a pragma line), as text.</summary>
    private static readonly Gen<string> Declaration =
        from template in Gen.Choose(0, 24)
        from n in Gen.Elements(Names)
        from m in Gen.Elements(Names)
        from k in Gen.Choose(0, 3)
        select template switch
        {
            0 => $"typedef int {n};",
            1 => $"typedef {m} *{n};",
            2 => $"typedef struct {n} {m};",
            3 => $"int {n};",
            4 => $"{m} {n};",
            5 => $"{m} * {n};",
            6 => $"{m} ({n});",
            7 => $"unsigned {m};",
            8 => $"struct s{k} {{ {m} {n}; int x : 3; }};",
            9 => $"enum {{ {n}, {m} = sizeof({m}) }};",
            10 => $"void f{k}({m} {n}, int {m});",
            11 => $"void g{k}(int {n}, int q[sizeof {n}]);",
            12 => $"static int arr{k}[sizeof({m})];",
            13 => $"int h{k}(int {n}) {{ return {m}; }}",
            14 => $"_Static_assert(sizeof({m}) == 4, \"x\");",
            15 => $"__typeof__({m}) {n};",
            16 => $"int {n} = ({m}) 1;",
            17 => $"{m} {n}",
            18 => ";",
            19 => $"struct {{ {m} ",
            20 => $"#pragma pack({k})",
            21 => $"{m} {n}({m});",
            22 => $"int {n} __attribute__(({m}));",
            23 => $"}} {n} (",
            _ => $"typedef enum {{ {n} }} {m};",
        };

    private abstract record Edit;

    private sealed record Insert(int At, string Text) : Edit;

    private sealed record Delete(int At) : Edit;

    private sealed record Replace(int At, string Text) : Edit;

    /// <summary>Makes a name a typedef name near the start, so later declarations that use it parse differently.</summary>
    private sealed record TypedefEarly(int At, string Name) : Edit;

    private sealed record TrimReuse : Edit;

    private static readonly Gen<Edit> Edits = Gen.OneOf(
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (Edit)new Insert(at, text)),
        Gen.Choose(0, 1000).Select(at => (Edit)new Delete(at)),
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (Edit)new Replace(at, text)),
        Gen.Choose(0, 3).Zip(Gen.Elements(Names), (at, name) => (Edit)new TypedefEarly(at, name)),
        Gen.Constant((Edit)new TrimReuse()));

    private static readonly Gen<(List<string> Unit, List<Edit> Edits)> Cases =
        from count in Gen.Choose(0, 30)
        from unit in Gen.ListOf(Declaration, count)
        from editCount in Gen.Choose(1, 8)
        from edits in Gen.ListOf(Edits, editCount)
        select (unit.ToList(), edits.ToList());

    [Fact]
    public void Reusing_parse_equals_fresh_parse_across_edits() => Check(CParserOptions.Default with { PredefinedTypedefNames = ["T"] });

    [Fact]
    public void Reusing_parse_equals_fresh_parse_with_a_tiny_nesting_limit() => Check(new CParserOptions { MaxNesting = 2 });

    private void Check(CParserOptions options)
    {
        var reused = 0;
        var parsed = 0;
        var property = Prop.ForAll(Cases.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var reuse = new ReusableDeclarations();
            var unit = testCase.Unit;
            CompareWithFresh(unit, cache, reuse, options);
            foreach (var edit in testCase.Edits)
            {
                Apply(edit, unit, reuse);
                CompareWithFresh(unit, cache, reuse, options);
                reused += reuse.LastParse.DeclarationsReused;
                parsed += reuse.LastParse.DeclarationsParsed;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
        output.WriteLine($"after edits: {reused} declarations reused, {parsed} parsed");
        // The property must have exercised reuse, not only fresh parses.
        Assert.True(reused > parsed, $"only {reused} declarations reused against {parsed} parsed");
    }

    /// <summary>
    /// Config flips, as the parser sees them: a base unit and a few variants
    /// of it (each with some declarations edited), parsed in a random order
    /// through one <see cref="ReusableDeclarations"/> kept over the last four
    /// parses (as make-profile keeps it), so whole blocks of declarations from
    /// earlier parses of each variant are taken, or fail part way and are taken
    /// declaration by declaration. Every parse equals a fresh one.
    /// </summary>
    [Fact]
    public void Reusing_blocks_across_variants_parsed_in_turn_equals_fresh_parses()
    {
        var options = CParserOptions.Default with { PredefinedTypedefNames = ["T"] };
        var variants =
            from count in Gen.Choose(4, 40)
            from unit in Gen.ListOf(Declaration, count)
            from others in Gen.Choose(1, 3).SelectMany(n => Gen.ListOf(Gen.ListOf(Edits, 2), n))
            from order in Gen.ListOf(Gen.Choose(0, 3), 8)
            select (Unit: unit.ToList(), Variants: others.Select(e => e.ToList()).ToList(), Order: order.ToList());
        var blocks = 0;
        var property = Prop.ForAll(variants.ToArbitrary(), testCase =>
        {
            var versions = new List<List<string>> { testCase.Unit };
            foreach (var edits in testCase.Variants)
            {
                var version = testCase.Unit.ToList();
                foreach (var edit in edits) Apply(edit, version, new ReusableDeclarations());
                versions.Add(version);
            }
            var cache = new GreenNodeCache();
            var reuse = new ReusableDeclarations();
            foreach (var pick in testCase.Order)
            {
                CompareWithFresh(versions[pick % versions.Count], cache, reuse, options);
                reuse.Trim(keepParses: 4);
                blocks += reuse.LastParse.BlocksReused;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
        output.WriteLine($"{blocks} blocks reused");
        Assert.True(blocks > 300, $"only {blocks} blocks reused");
    }

    private static void Apply(Edit edit, List<string> unit, ReusableDeclarations reuse)
    {
        switch (edit)
        {
            case Insert insert:
                unit.Insert(insert.At % (unit.Count + 1), insert.Text);
                break;
            case Delete delete when unit.Count > 0:
                unit.RemoveAt(delete.At % unit.Count);
                break;
            case Replace replace when unit.Count > 0:
                unit[replace.At % unit.Count] = replace.Text;
                break;
            case TypedefEarly early:
                unit.Insert(Math.Min(early.At, unit.Count), $"typedef int {early.Name};");
                break;
            case TrimReuse:
                reuse.Trim();
                break;
        }
    }

    private static void CompareWithFresh(List<string> unit, GreenNodeCache cache, ReusableDeclarations reuse, CParserOptions options)
    {
        var text = string.Join("\n", unit) + "\n";
        var withReuse = CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache, reuse, options);
        var freshCache = new GreenNodeCache();
        var fresh = CParser.ParseTranslationUnit(Lexer.LexAll(text, freshCache), freshCache, options);
        var because = $"unit:\n{text}";
        Assert.True(withReuse.Root.IsEquivalentTo(fresh.Root), "trees differ; " + because);
        Assert.Equal(text, withReuse.Root.ToFullString());
        Assert.Equal(Describe(fresh), Describe(withReuse));
    }

    private static string[] Describe(CParseResult result) =>
        [.. result.Diagnostics.Select(d => $"{d.RelativeOffset}+{d.Length} {d.Descriptor.Code} {d.Message}")];
}
