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
        BlockVisits.Cases(Declaration, Edits, maxCount: 24);

    [Fact]
    public void Binds_replaying_tag_reads_and_declarations_equal_fresh_binds()
    {
        var (inBlocks, oneByOne, bodiesMade) = BlockVisits.Check(Cases, new BinderOptions());
        output.WriteLine($"{inBlocks} items replayed in blocks, {oneByOne} one by one, {bodiesMade} blocks' bodies made when first met");
        // Blocks replayed, and blocks failed (their items replayed one by one): both paths were checked.
        Assert.True(inBlocks > oneByOne, $"only {inBlocks} items replayed in blocks against {oneByOne} one by one");
        Assert.True(oneByOne > 0, "no item replayed one by one");
        // Blocks kept unmade by a bind that replayed most of its items in blocks were met and replayed later.
        Assert.True(bodiesMade > 0, "no block replayed whose body was made when first met");
    }
}
