using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using Xunit.Abstractions;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>
/// The parser trusts an input's <see cref="InputRepeats"/> only as far as they
/// go: versions of a unit (a base and edited variants, as config flips give)
/// parsed in turn through one <see cref="ReusableDeclarations"/>, each input
/// stating the stretches it repeats of the one before (its common prefix and
/// suffix with it, found here by comparing the token objects), equal fresh
/// parses, and most of what is reused is taken on those stretches' word. A
/// stretch stated against an input that was not the last parse's is never
/// trusted, even when it lies.
/// </summary>
public class InputRepeatsPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Declarations =
    [
        "typedef int T;", "T a;", "int b;", "typedef T *U;", "U c;", "struct s { T x; U y; };", "T (d);", "int f(T t);",
        "enum { E1, E2 = sizeof(T) };", "typedef struct s S;", "S e;", "static int g[sizeof(U)];", "int T2;", "T * h;",
    ];

    private static readonly CParserOptions Options = CParserOptions.Default;

    [Fact]
    public void Parses_trusting_stated_repeats_equal_fresh_parses()
    {
        var cases =
            from count in Gen.Choose(8, 60)
            from unit in Gen.ListOf(Gen.Elements(Declarations), count)
            from edits in Gen.ListOf(Gen.Choose(0, 1000).Zip(Gen.Elements(Declarations)), 3)
            from order in Gen.ListOf(Gen.Choose(0, 3), 8)
            select (Unit: unit.ToList(), Edits: edits.ToList(), Order: order.ToList());
        var repeated = 0L;
        var reused = 0L;
        var property = Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var versions = EditedUnits.Versions(testCase.Unit, testCase.Edits);
            var cache = new GreenNodeCache();
            var reuse = new ReusableDeclarations();
            GreenToken[]? previous = null;
            object? previousVersion = null;
            foreach (var pick in testCase.Order)
            {
                var text = versions[pick];
                var tokens = EditedUnits.Input(text, cache);
                var input = new ParserTokens(tokens, tokens.Length)
                {
                    Version = new object(),
                    Repeats = previous is null ? null : CommonEnds(previous, tokens, previousVersion!),
                };
                var withReuse = CParser.ParseTranslationUnit(input, cache, reuse, Options);
                reuse.Trim(keepParses: 4);
                AssertSameAsFresh(text, withReuse);
                repeated += reuse.LastParse.TokensRepeated;
                reused += reuse.LastParse.TokensReused;
                previous = tokens;
                previousVersion = input.Version;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), property);
        output.WriteLine($"{repeated} tokens taken on the input's word, {reused} reused");
        // Blocks made two parses back, or spanning an edit, are compared; the rest must have been taken on the input's word.
        Assert.True(repeated > reused / 5, $"only {repeated} of {reused} reused tokens were taken on the input's word");
    }

    [Fact]
    public void Repeats_stated_against_another_input_are_not_trusted()
    {
        var cache = new GreenNodeCache();
        var reuse = new ReusableDeclarations();
        var first = EditedUnits.Text(["typedef int T;", "T a;", "int b;", "int c;"]);
        var second = EditedUnits.Text(["int T;", "T a;", "int b;", "int c;"]);
        var tokens = EditedUnits.Input(first, cache);
        CParser.ParseTranslationUnit(new ParserTokens(tokens, tokens.Length) { Version = new object() }, cache, reuse, Options);
        // A lie: the whole second input is said to repeat the first, but against a version no parse had.
        var lying = EditedUnits.Input(second, cache);
        var repeats = new InputRepeats(new object(), [0], [0], [Math.Min(tokens.Length, lying.Length) - 1]);
        var parsed = CParser.ParseTranslationUnit(new ParserTokens(lying, lying.Length) { Version = new object(), Repeats = repeats }, cache, reuse, Options);
        Assert.Equal(0, reuse.LastParse.TokensRepeated);
        AssertSameAsFresh(second, parsed);
    }


    /// <summary>The common prefix and suffix (end-of-file token apart) of two inputs, compared by reference: what truly repeats.</summary>
    internal static InputRepeats CommonEnds(GreenToken[] previous, GreenToken[] current, object previousVersion)
    {
        var p = previous.Length - 1;
        var c = current.Length - 1;
        var prefix = 0;
        while (prefix < p && prefix < c && ReferenceEquals(previous[prefix], current[prefix])) prefix++;
        var suffix = 0;
        while (suffix < p - prefix && suffix < c - prefix && ReferenceEquals(previous[p - 1 - suffix], current[c - 1 - suffix])) suffix++;
        var starts = new List<int>();
        var previousStarts = new List<int>();
        var lengths = new List<int>();
        if (prefix > 0)
        {
            starts.Add(0);
            previousStarts.Add(0);
            lengths.Add(prefix);
        }
        if (suffix > 0)
        {
            starts.Add(c - suffix);
            previousStarts.Add(p - suffix);
            lengths.Add(suffix);
        }
        return new InputRepeats(previousVersion, [.. starts], [.. previousStarts], [.. lengths]);
    }

    internal static void AssertSameAsFresh(string text, CParseResult withReuse)
    {
        var freshCache = new GreenNodeCache();
        var fresh = CParser.ParseTranslationUnit(Lexer.LexAll(text, freshCache), freshCache, Options);
        Assert.True(withReuse.Root.IsEquivalentTo(fresh.Root), $"trees differ; unit:\n{text}");
        Assert.Equal(text, withReuse.Root.ToFullString());
        Assert.Equal(
            fresh.Diagnostics.Select(d => $"{d.RelativeOffset} {d.Descriptor.Code} {d.Message}"),
            withReuse.Diagnostics.Select(d => $"{d.RelativeOffset} {d.Descriptor.Code} {d.Message}"));
    }
}
