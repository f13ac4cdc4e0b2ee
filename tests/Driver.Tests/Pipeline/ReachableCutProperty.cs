using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// The cut made from the last one (<see cref="ReachableCut"/>) over versions of
/// a random unit (<see cref="ReachableUnit"/>: records redefined, removed and
/// brought back, enums changed, typedefs redefined, roots added and removed,
/// the untouched definitions the very objects of the version before) equals,
/// version after version, (a) the cut <see cref="ReachableTypes.From"/> makes
/// afresh and (b) the cut as the definition gives it, keys and models alike.
/// A version that changes nothing works out no edges again and gives the very
/// set of the version before (what the reuse saves). With typedefs sometimes
/// redefined without the definitions naming them (two unequal typedefs of one
/// name in one version) the cut is still the definition's.
/// </summary>
public sealed class ReachableCutProperty
{
    private const int Steps = 16;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_cut_made_from_the_last_equals_a_fresh_cut_and_the_definition(bool staleTypedefs)
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var unit = new ReachableUnit(new Random(seed), staleTypedefs);
            var reuse = new LayoutReuse();
            var cut = new ReachableCut();
            Layout.Model.LayoutSet? last = null;
            for (var step = 0; step < Steps; step++)
            {
                var table = unit.Table();
                var roots = unit.Roots();
                var (all, _, names) = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, table, null, reuse), table, roots);
                CType[] rootTypes = [.. roots.Select(r => r.Value)];
                var actual = cut.From(all.Set, table, names, rootTypes);

                var where = $"seed {seed}, step {step} ({unit.LastEdit})";
                var fresh = ReachableTypes.From(all.Set, table, names, rootTypes);
                Assert.True(fresh.Equals(actual), $"{where}: the cut differs from a fresh one");
                Assert.Equal(ReachableByDefinition.Keys(fresh), ReachableByDefinition.Keys(actual));
                var defined = ReachableByDefinition.Cut(all.Set, table, names, rootTypes);
                Assert.True(defined.Equals(actual), $"{where}: the cut differs from the definition");
                if (step > 0 && unit.Unchanged && !staleTypedefs)
                {
                    Assert.Equal(0, cut.LastCut.RecordsSummarized);
                    Assert.Same(last, actual);
                }
                last = actual;
                unit.Edit();
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(80), property);
    }
}
