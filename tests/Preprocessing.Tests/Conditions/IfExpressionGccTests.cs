using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Conditions;

namespace LayoutExpert.Preprocessing.Tests.Conditions;

/// <summary>Our #if evaluation against the real gcc's, on random and on chosen expressions.</summary>
public class IfExpressionGccTests
{
    private const int BatchSize = 300;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_well_formed_expressions_have_gccs_value_type_and_diagnostics(bool unsignedChar)
    {
        var batches = Arb.From(Gen.ListOf(ExpressionGenerators.WellFormed, BatchSize));
        Prop.ForAll(batches, batch => Check(batch, unsignedChar, compareValues: true))
            .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3).WithEndSize(100));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Random_token_soup_takes_gccs_branch_with_gccs_diagnostics(bool unsignedChar)
    {
        var batches = Arb.From(Gen.ListOf(ExpressionGenerators.Soup, BatchSize));
        Prop.ForAll(batches, batch => Check(batch, unsignedChar, compareValues: false))
            .Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(3));
    }

    /// <summary>Corner cases chosen by hand, each checked against gcc (not against remembered answers).</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Chosen_corner_cases_agree_with_gcc(bool unsignedChar)
    {
        string[] cases =
        [
            "'a' - 98 < 0", "'\\xff' < 0", "-1 < 'a'", "'\\377' == 255", "'ab' == 24930", "L'\\xffff' > 0", "L'ab' == 'b'",
            "u8'a'", "U'\\xffffffff' > 0", "'abcde' == 'bcde'",
            "1 << 63", "1 << 64", "1 << -1", "-1 >> 1", "-1 >> 64", "1u << 64", "-1 << 1", "2 >> -1", "1 << 0x8000000000000000",
            "-9223372036854775807 - 1", "-(-9223372036854775807 - 1)", "(-9223372036854775807 - 1) / -1", "(-9223372036854775807 - 1) % -1",
            "(-9223372036854775807 - 1) * -1", "0x7fffffffffffffff + 1", "0x4000000000000000 * 2", "-0x4000000000000000 * 2",
            "18446744073709551615 == -1", "18446744073709551616 == 0", "9223372036854775808 > 0", "0xffffffffffffffff > 0",
            "-1 < 0u", "-1 > 0u", "1 ? -1 : 0u", "(1 ? -1 : 0u) > 0", "0 ? 1/0 : 2", "1 ? 2 : 1/0", "0 && 1/0", "1 || 1/0",
            "(0 ? 1/0 : 1, 1/0)", "1 ? 2 , 3 : 4", "1 , 2", "-5 / 0 == 5", "-5 % 0", "7 % -3", "-7 / 2", "-7 % 2",
            "1 ? 2 ? 3 : 4 : 5", "0 ? 1 : 0 ? 2 : 3", "!0 + ~0", "- - 1", "+ - + 1", "1 - - 1",
            "true", "false || 1", "foo + 1", "0 && foo", "1 || foo", "#cpu(x86_64)", "#machine", "#system(linux)", "#foo(bar)",
            "1 +", "(1", "1)", "1 ? 2", "1 : 2", "()", "", "1 = 2", "* 2", "1 2", "1.0", "0x1p3", "1i", "1k", "0b12", "0b2",
            "08", "0x", "1uu", "1lL", "1e", "'abc", "\"x\"", "1 [ 2 ]", "a.b", "1 ## 2", "( ( 1 )", "1 ? : 2", "(1 ? 2) : 3",
            "'\\u0041'", "'\\x'", "''", "L''", "'\\400'", "'\\x100'", "'\\q'", "U'\\U00110000'", "0x1.p", "1..2", "0b1.0", "0xe+1",
        ];
        Assert.True(Check(cases, unsignedChar, compareValues: true));
    }

    private static bool Check(IReadOnlyList<string> expressions, bool unsignedChar, bool compareValues)
    {
        var options = new IfExpressionOptions(UnsignedChar: unsignedChar, Assertions: CompilerAssertions);
        var results = expressions.Select(e => ExpressionTokens.Evaluate(e, options)).ToList();
        var values = results.Select(r => compareValues && !r.IsSyntaxError ? r.Value : (PPValue?)null).ToList();
        var verdicts = GccIfOracle.Ask(expressions, values, unsignedChar);
        var failures = new List<string>();
        for (var i = 0; i < expressions.Count; i++)
        {
            var ours = ExpressionTokens.Messages(results[i]);
            var lexer = ExpressionTokens.LexerMessages(expressions[i]);
            var v = verdicts[i];
            // gcc interleaves its lexer's warnings with evaluation; ours come from the lexer beforehand.
            var gccLexer = v.Diagnostics.Where(lexer.Contains).ToList();
            var gccEvaluator = v.Diagnostics.Where(d => !lexer.Contains(d)).ToList();
            if (!v.SameValue || !v.SameType || v.Taken != results[i].IsTrue || !ours.SequenceEqual(gccEvaluator)
                || !lexer.Order().SequenceEqual(gccLexer.Order()))
            {
                failures.Add($"#if {v.Expression}\n  ours: {results[i].Value} taken={results[i].IsTrue} [{string.Join(" | ", ours)}]\n" +
                    $"  gcc: same value={v.SameValue} same type={v.SameType} taken={v.Taken} [{string.Join(" | ", v.Diagnostics)}]");
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {expressions.Count} differ from gcc:\n{string.Join("\n", failures.Take(25))}");
        return true;
    }

    /// <summary>gcc 12's predefined assertions, as scripts/capture-gcc-facts.sh recorded them.</summary>
    private static System.Collections.Immutable.ImmutableDictionary<string, System.Collections.Immutable.ImmutableArray<string>> CompilerAssertions =>
        LayoutExpert.Preprocessing.Compiler.GccFacts.LoadEmbedded().Assertions;
}
