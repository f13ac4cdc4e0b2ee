using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using Xunit.Abstractions;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// THE PROOF: random GNU C translation units (nested structs and unions,
/// arrays, bit-fields of every kind, packed and aligned everywhere, pack
/// pragmas, enums of every size, anonymous members, vectors, modes, typedef
/// chains, typeof, sizeof/offsetof in array bounds) compiled by gcc and read
/// back from its DWARF, against our whole pipeline (lexer, parser, binder,
/// layout engine) on the same text: every record size, member name, bit
/// offset, bit width and member type, every enum constant and base type,
/// every typedef target must be equal, and no type may be on one side only.
/// Each FsCheck case is one translation unit compiled by one gcc run;
/// LAYOUT_EXPERT_PROOF_UNITS raises the number of units for soak runs.
/// </summary>
public sealed class RandomTranslationUnitProperty(ITestOutputHelper output)
{
    private static int Units =>
        int.TryParse(Environment.GetEnvironmentVariable("LAYOUT_EXPERT_PROOF_UNITS"), out var n) && n > 0 ? n : 8;

    private const int RecordsPerUnit = 160;

    [Fact]
    public void Engine_emitter_spelling_matches_gcc() => Run(seed => CEmitter.Emit, "engine emitter");

    [Fact]
    public void Varied_spelling_matches_gcc() => Run(seed => declarations => ProofEmitter.Emit(declarations, seed), "varied spelling");

    private void Run(Func<int, Func<Declarations, string>> emitter, string what)
    {
        var types = 0;
        var members = 0;
        var constants = 0;
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        var property = Prop.ForAll(seeds, seed =>
        {
            var declarations = RandomDeclarations.Generate(seed, RecordsPerUnit);
            var emit = emitter(seed);
            var outcome = ProofOracle.Compare(emit(declarations));
            if (!outcome.Agrees) throw new Xunit.Sdk.XunitException($"seed {seed} ({what}): " + ProofOracle.Explain(declarations, emit, outcome));
            types += outcome.Comparison.Types;
            members += outcome.Comparison.Members;
            constants += outcome.Comparison.Constants;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Units), property);
        output.WriteLine($"{what}: {Units} units, {types} types ({members} members, {constants} enum constants) equal to gcc's DWARF");
        // The bar: at least 2,000 random types per run (per spelling, at the default unit count).
        Assert.True(types >= 2000 * Units / 8, $"only {types} types compared");
    }
}
