using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Tests.Engine.Oracle;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>
/// The property: for random declaration sets, every size, alignment, member
/// offset, member alignment and bit-field position the engine computes equals
/// gcc's. FsCheck drives the seeds; each test case is one batch of records
/// compiled into one gcc program. A failure reports the seed, the mismatches and
/// the C source reduced to the failing declarations.
/// </summary>
public sealed class RandomLayoutProperty
{
    /// <summary>8 batches of 70 records: about 560 top-level records per run. LAYOUT_EXPERT_PROPERTY_BATCHES raises it for soak runs.</summary>
    private static int Batches =>
        int.TryParse(Environment.GetEnvironmentVariable("LAYOUT_EXPERT_PROPERTY_BATCHES"), out var n) && n > 0 ? n : 8;
    private const int RecordsPerBatch = 70;

    [Fact]
    public void EngineAgreesWithGccOnRandomDeclarations()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var declarations = RandomDeclarations.Generate(seed, RecordsPerBatch);
            var outcome = LayoutOracle.Compare(declarations);
            if (outcome.Mismatches.Count > 0)
            {
                throw new Xunit.Sdk.XunitException($"seed {seed}: " + Reduced(declarations, outcome));
            }
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Batches), property);
    }

    /// <summary>Reruns the oracle on only the declarations the mismatching subjects need, to print a small C source.</summary>
    private static string Reduced(Declarations declarations, LayoutOracle.Outcome outcome)
    {
        var subjects = outcome.Mismatches.Select(m => m[..m.IndexOfAny(['.', '|'])]).ToHashSet(StringComparer.Ordinal);
        var reduced = DeclarationReducer.Keep(declarations, subjects);
        var again = LayoutOracle.Compare(reduced);
        return again.Mismatches.Count > 0
            ? LayoutOracle.Describe(again)
            : "(the reduced source agrees; full batch follows)\n" + LayoutOracle.Describe(outcome);
    }
}
