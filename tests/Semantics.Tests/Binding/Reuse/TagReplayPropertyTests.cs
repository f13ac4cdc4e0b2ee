using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using Xunit.Abstractions;

namespace LayoutExpert.Semantics.Tests.Binding.Reuse;

/// <summary>
/// File-scope tags are kept by the number of their spelling, and a block
/// checks and applies them as arrays (<see cref="BindingReuse"/>): units made
/// mostly of tag declarations and uses over two spellings (a tag declared,
/// defined, redefined as the wrong kind of tag (gcc: "defined as wrong kind of
/// tag"), completed later, used by value, through pointers and in sizeof), so
/// that an edit changes what a later run's tags are and the run must fail,
/// replayed in short runs across random visits and compared with fresh binds.
/// </summary>
public sealed class TagReplayPropertyTests(ITestOutputHelper output)
{
    private static readonly Gen<string> Declaration =
        from template in Gen.Choose(0, 11)
        from tag in Gen.Elements("s", "t")
        from other in Gen.Elements("s", "t")
        from name in Gen.Elements("a", "b")
        select template switch
        {
            0 => $"struct {tag};",
            1 => $"struct {tag} {{ int x; }};",
            2 => $"struct {tag} {{ long y; struct {other} *p; }};",
            3 => $"union {tag} {{ int i; char c[3]; }};",
            4 => $"enum {tag} {{ E{tag}{name} = 4 }};",
            5 => $"struct {tag} *{name};",
            6 => $"int {name}[sizeof(struct {tag})];",
            7 => $"struct {other} {{ struct {tag} v; }};",
            8 => $"typedef struct {tag} T{name};",
            9 => $"enum {tag} {name};",
            10 => $"union {tag} *{name};",
            _ => $"struct {tag} {name};",
        };

    private static readonly Gen<LineEdit> Edits = Gen.OneOf(
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (LineEdit)new InsertLine(at, text)),
        Gen.Choose(0, 1000).Select(at => (LineEdit)new DeleteLine(at)),
        Gen.Choose(0, 1000).Zip(Declaration, (at, text) => (LineEdit)new ReplaceLine(at, text)));

    private static readonly Gen<(List<List<string>> Versions, List<int> Visits, int RunLength)> Cases =
        from count in Gen.Choose(0, 24)
        from unit in Gen.ListOf(Declaration, count)
        from editCount in Gen.Choose(1, 5)
        from edits in Gen.ListOf(Edits, editCount)
        from visitCount in Gen.Choose(2, 10)
        from visits in Gen.ListOf(Gen.Choose(0, editCount), visitCount)
        from runLength in Gen.Elements(2, 4, 8)
        select (LineEdit.Versions(unit.ToList(), edits), visits.ToList(), runLength);

    [Fact]
    public void Binds_replaying_tag_reads_and_declarations_equal_fresh_binds()
    {
        var inBlocks = 0;
        var oneByOne = 0;
        var options = new BinderOptions();
        var property = Prop.ForAll(Cases.ToArbitrary(), testCase =>
        {
            var cache = new GreenNodeCache();
            var declarations = new ReusableDeclarations();
            var reuse = new BindingReuse { RunLength = testCase.RunLength };
            foreach (var visit in testCase.Visits)
            {
                BoundUnits.AssertReuseBindsAsFresh(testCase.Versions[visit], cache, declarations, reuse, options);
                inBlocks += reuse.LastBind.InBlocks;
                oneByOne += reuse.LastBind.Replayed - reuse.LastBind.InBlocks;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
        output.WriteLine($"{inBlocks} items replayed in blocks, {oneByOne} one by one");
        // Blocks replayed, and blocks failed (their items replayed one by one): both paths were checked.
        Assert.True(inBlocks > oneByOne, $"only {inBlocks} items replayed in blocks against {oneByOne} one by one");
        Assert.True(oneByOne > 0, "no item replayed one by one");
    }
}
