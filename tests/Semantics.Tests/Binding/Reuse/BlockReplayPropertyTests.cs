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
/// Runs of items replayed as one block (<see cref="BindingReuse.RunLength"/>)
/// give exactly a fresh bind: versions of a random unit (each an edit of the
/// one before: a declaration inserted, deleted or replaced, so that later
/// runs read what the edit changed, or not) are bound in a random order, first
/// visits and visits back, with one reuse whose runs are short (2 to 8 items,
/// so a unit of a few declarations has several, and an edit fails some and
/// leaves others) and without a layout identity (no bind is taken whole),
/// each compared with a fresh parse and bind of the same text.
/// </summary>
public sealed class BlockReplayPropertyTests(ITestOutputHelper output)
{
    private static readonly Gen<(List<List<string>> Versions, List<int> Visits, int RunLength)> Cases =
        BlockVisits.Cases(BindingReusePropertyTests.Declaration, BindingReusePropertyTests.Edits, maxCount: 30);

    [Fact]
    public void Binds_replaying_runs_of_items_as_blocks_equal_fresh_binds() => Check(new BinderOptions());

    [Fact]
    public void Binds_replaying_blocks_equal_fresh_binds_with_signatures_and_few_diagnostics() =>
        Check(new BinderOptions { BindFunctionSignatures = true, MaxDiagnostics = 3 });

    private void Check(BinderOptions options)
    {
        var (inBlocks, oneByOne, bodiesMade) = BlockVisits.Check(Cases, options);
        output.WriteLine($"{inBlocks} items replayed in blocks, {oneByOne} one by one, {bodiesMade} blocks' bodies made when first met");
        // The property must have exercised blocks, and blocks failing (their items then replay one by one).
        Assert.True(inBlocks > oneByOne, $"only {inBlocks} items replayed in blocks against {oneByOne} one by one");
        Assert.True(oneByOne > 0, "no item replayed one by one");
        // Blocks kept unmade by a bind that replayed most of its items in blocks were met and replayed later.
        Assert.True(bodiesMade > 0, "no block replayed whose body was made when first met");
    }
}
