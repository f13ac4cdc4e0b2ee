using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using Xunit.Abstractions;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// Binding with a <see cref="BindingReuse"/> gives exactly a fresh bind:
/// random units over a handful of tags, typedef names, enumeration
/// constants, objects and functions (so that one edit changes what later
/// declarations find: a member added changes a sizeof in a later array bound,
/// a typedef changes a later member's type, an enumerator's value a later
/// bound, an anonymous struct inserted upstream would rename later ones if
/// they were named by position), edited step by step, each version parsed
/// with one cache and one <see cref="ReusableDeclarations"/> (unchanged
/// declarations come back as the same nodes), bound with the reuse, and
/// compared with a fresh parse and bind: types, globals, functions, enumeration
/// constants, debug uses and diagnostics (with their locations).
/// </summary>
public sealed class BindingReusePropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Tags = ["s", "t", "u"];
    private static readonly string[] Typedefs = ["T", "U"];
    private static readonly string[] Constants = ["A", "B", "C"];
    private static readonly string[] Objects = ["a", "b", "c"];
    private static readonly string[] Functions = ["f", "g"];

    private static readonly Gen<string> Bound =
        from template in Gen.Choose(0, 6)
        from tag in Gen.Elements(Tags)
        from typedef in Gen.Elements(Typedefs)
        from constant in Gen.Elements(Constants)
        select template switch
        {
            0 => "2",
            1 => $"sizeof(struct {tag})",
            2 => $"sizeof({typedef})",
            3 => $"{constant} + 1",
            4 => $"__builtin_offsetof(struct {tag}, y)",
            5 => $"_Alignof(struct {tag})",
            _ => "sizeof(int)",
        };

    private static readonly Gen<string> Member =
        from template in Gen.Choose(0, 8)
        from tag in Gen.Elements(Tags)
        from typedef in Gen.Elements(Typedefs)
        from constant in Gen.Elements(Constants)
        from bound in Bound
        select template switch
        {
            0 => "int x;",
            1 => "long y;",
            2 => $"char z[{bound}];",
            3 => "struct { int q; long r; } anon;",
            4 => "union { int i; long l; };",
            5 => $"{typedef} w;",
            6 => $"struct {tag} *p;",
            7 => $"enum {{ {constant} = 3 }} e;",
            _ => $"struct {tag} v;",
        };

    internal static readonly Gen<string> Declaration =
        from template in Gen.Choose(0, 19)
        from tag in Gen.Elements(Tags)
        from typedef in Gen.Elements(Typedefs)
        from constant in Gen.Elements(Constants)
        from other in Gen.Elements(Constants)
        from name in Gen.Elements(Objects)
        from function in Gen.Elements(Functions)
        from bound in Bound
        from members in Gen.ListOf(Member, 3)
        from count in Gen.Choose(1, 3)
        let body = string.Join(" ", members.Take(count))
        select template switch
        {
            0 => $"struct {tag} {{ {body} }};",
            1 => $"typedef struct {{ {body} }} {typedef};",
            2 => $"typedef long {typedef};",
            3 => $"typedef char {typedef}[{bound}];",
            4 => $"enum {tag} {{ {constant}, {other} = {bound} }};",
            5 => $"int {name}[{bound}];",
            6 => $"static long {name} = ({typedef}) {constant};",
            7 => $"void {function}(struct {{ int q; }} *p, {typedef} n);",
            8 => $"int {function}(int);",
            9 => $"__typeof__({function}) *{name};",
            10 => $"static int {function}(void) {{ return {name} + {constant}; }}",
            11 => $"int {function}(void) {{ return {constant}; }}",
            12 => $"_Static_assert(sizeof(struct {tag}) == 8, \"size\");",
            13 => "#pragma pack(2)",
            14 => "#pragma pack()",
            15 => $"struct {tag};",
            16 => $"union {tag} {{ int a; struct {{ long b; }} c; {body} }};",
            17 => $"struct {tag} {{ int x; long y; }} {name} = {{ 1 }};",
            18 => $"extern int {name}[];",
            _ => $"enum {{ {constant} = sizeof({typedef}) }};",
        };

    internal static readonly Gen<LineEdit> Edits = Gen.OneOf(
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (LineEdit)new InsertLine(at, text)),
        Gen.Choose(0, 1000).Select(at => (LineEdit)new DeleteLine(at)),
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (LineEdit)new ReplaceLine(at, text)));

    private static readonly Gen<(List<string> Unit, List<LineEdit> Edits)> Cases =
        from count in Gen.Choose(0, 25)
        from unit in Gen.ListOf(Declaration, count)
        from editCount in Gen.Choose(1, 8)
        from edits in Gen.ListOf(Edits, editCount)
        select (unit.ToList(), edits.ToList());

    [Fact]
    public void Binding_with_reuse_equals_a_fresh_bind_across_edits() => Check(new BinderOptions());

    [Fact]
    public void Binding_with_reuse_equals_a_fresh_bind_with_signatures_and_few_diagnostics() =>
        Check(new BinderOptions { BindFunctionSignatures = true, MaxDiagnostics = 3 });

    private void Check(BinderOptions options)
    {
        var replayed = 0;
        var bound = 0;
        var property = Prop.ForAll(Cases.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var declarations = new ReusableDeclarations();
            var reuse = new BindingReuse();
            var unit = testCase.Unit;
            BoundUnits.AssertReuseBindsAsFresh(unit, cache, declarations, reuse, options);
            foreach (var edit in testCase.Edits)
            {
                edit.ApplyTo(unit);
                BoundUnits.AssertReuseBindsAsFresh(unit, cache, declarations, reuse, options);
                replayed += reuse.LastBind.Replayed;
                bound += reuse.LastBind.Recorded + reuse.LastBind.NotRecorded;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
        output.WriteLine($"after edits: {replayed} items replayed, {bound} bound");
        // The property must have exercised replay, not only fresh binds.
        Assert.True(replayed > bound, $"only {replayed} items replayed against {bound} bound");
    }

    /// <summary>Versions of a unit (each an edit of the one before) and an order to bind them in that goes back to earlier ones, as configs flipped back do.</summary>
    private static readonly Gen<(List<List<string>> Versions, List<int> Visits)> Revisits =
        from count in Gen.Choose(0, 20)
        from unit in Gen.ListOf(Declaration, count)
        from editCount in Gen.Choose(1, 4)
        from edits in Gen.ListOf(Edits, editCount)
        from visitCount in Gen.Choose(2, 10)
        from visits in Gen.ListOf(Gen.Choose(0, editCount), visitCount)
        select (LineEdit.Versions(unit.ToList(), edits), visits.ToList());

    /// <summary>
    /// With a layout identity, a unit bound again (the same declaration nodes,
    /// as a config flipped back parses to) takes an earlier bind's result
    /// whole; between those, versions not kept replay item by item. Every bind
    /// equals a fresh one. The layout identity changes now and then: a kept
    /// bind is taken only under the identity it was made with.
    /// </summary>
    [Fact]
    public void Units_bound_again_take_a_kept_bind_that_equals_a_fresh_bind()
    {
        var whole = 0;
        var binds = 0;
        var options = new BinderOptions();
        var property = Prop.ForAll(Revisits.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var declarations = new ReusableDeclarations();
            var reuse = new BindingReuse();
            for (var i = 0; i < testCase.Visits.Count; i++)
            {
                // Every fifth bind under another identity: what it takes (or keeps) must be under that identity only.
                var identity = i % 5 == 4 ? "other layout" : "record layout";
                reuse.LayoutIdentity = identity;
                BoundUnits.AssertReuseBindsAsFresh(testCase.Versions[testCase.Visits[i]], cache, declarations, reuse, options);
                binds++;
                if (reuse.LastBind.Whole) whole++;
                // The first bind under the other identity has no kept bind of its own.
                if (i == 4) Assert.False(reuse.LastBind.Whole);
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
        output.WriteLine($"{whole} of {binds} binds taken whole");
        // The property must have exercised the whole path, and item replay besides.
        Assert.True(whole > binds / 5, $"only {whole} of {binds} binds taken whole");
    }
}
