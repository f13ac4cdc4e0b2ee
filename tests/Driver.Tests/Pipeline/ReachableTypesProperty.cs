using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// The property of the reachable cut (<see cref="ReachableTypes"/>) as a config
/// flip runs it: over versions of a random unit (records holding and pointing
/// at each other, anonymous records, enums, typedefs, function pointers; one
/// version to the next redefines, removes or brings back a record or an enum,
/// the untouched definitions the very objects of the version before), the cut
/// made with the set build's reuse, the names' lookups, the base types
/// remembered per model object and the dictionaries patched from the last cut's
/// equals (a) the cut of a fresh build with fresh dictionaries, and (b) the cut
/// as the definition gives it, written out here: walk the types from the roots
/// (members, pointer targets, elements, typedef targets, function returns and
/// parameters), keep the set's entries under the names met, and the base types
/// those entries name.
/// </summary>
public sealed class ReachableTypesProperty
{
    private const int Steps = 12;

    [Fact]
    public void The_cut_after_each_version_equals_a_fresh_cut_and_the_definition()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var unit = new ReachableUnit(new Random(seed));
            var reuse = new LayoutReuse();
            for (var step = 0; step < Steps; step++)
            {
                var table = unit.Table();
                var roots = unit.Roots();
                var (all, _, names) = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table, null, reuse), table, roots);
                var actual = ReachableTypes.From(all.Set, table, names, roots.Select(r => r.Value), reuse.Reachable);

                var (freshAll, _, freshNames) = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table), table, roots);
                var fresh = ReachableTypes.From(freshAll.Set, table, freshNames, roots.Select(r => r.Value));
                var where = $"seed {seed}, step {step} ({unit.LastEdit})";
                Assert.True(fresh.Equals(actual), $"{where}: the cut differs from a fresh one");
                var defined = ReachableByDefinition.Cut(all.Set, table, names, roots.Select(r => r.Value));
                Assert.True(defined.Equals(actual), $"{where}: the cut differs from the definition");
                Assert.Equal(ReachableByDefinition.Keys(defined), ReachableByDefinition.Keys(actual));
                unit.Edit();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), property);
    }
}
