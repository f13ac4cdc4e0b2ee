using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;
using Xunit.Abstractions;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>
/// A lazy parser input (<see cref="ParserTokens.Source"/>) is read only where
/// filled: versions of a unit (a base and edited variants, as config flips
/// give) are parsed in turn twice, through two <see cref="ReusableDeclarations"/>
/// in lockstep: once from whole inputs, once from one buffer written over and
/// over whose pages a source writes only when the parser asks (so an unasked
/// page holds an earlier version's tokens, as the real buffer does). Both
/// equal fresh parses and reuse exactly the same (every statistic but the
/// tokens filled), and the lazy parses leave most of the buffer unwritten
/// where the input repeats the last one.
/// </summary>
public class LazyInputPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Declarations =
    [
        "typedef int T;", "T a;", "int b;", "typedef T *U;", "U c;", "struct s { T x; U y; };", "T (d);", "int f(T t);",
        "enum { E1, E2 = sizeof(T) };", "typedef struct s S;", "S e;", "static int g[sizeof(U)];", "int T2;", "T * h;",
        "struct big { int a, b, c, d, e, f, g, h; T i, j, k, l; U m[4], n[8]; };",
    ];

    private static readonly CParserOptions Options = CParserOptions.Default;

    /// <summary>Writes the tokens of one whole input when asked, and counts what it wrote.</summary>
    private sealed class Source(GreenToken[] tokens) : IParserTokenSource
    {
        public long Written { get; private set; }

        public void Fill(GreenToken[] buffer, int start, int count)
        {
            Assert.InRange(start, 0, tokens.Length - 1);
            Assert.InRange(start + count, start, tokens.Length - 1);
            Array.Copy(tokens, start, buffer, start, count);
            Written += count;
        }
    }

    [Fact]
    public void Lazy_inputs_parse_and_reuse_as_whole_ones()
    {
        var cases =
            from count in Gen.Choose(100, 500)
            from unit in Gen.ListOf(Gen.Elements(Declarations), count)
            from edits in Gen.ListOf(Gen.Choose(0, 1000).Zip(Gen.Elements(Declarations)), 3)
            from order in Gen.ListOf(Gen.Choose(0, 3), 6)
            select (Unit: unit.ToList(), Edits: edits.ToList(), Order: order.ToList());
        var total = 0L;
        var filled = 0L;
        var property = Prop.ForAll(cases.ToArbitrary(), testCase =>
        {
            var versions = EditedUnits.Versions(testCase.Unit, testCase.Edits);
            var cache = new GreenNodeCache();
            var whole = new ReusableDeclarations();
            var lazy = new ReusableDeclarations();
            // One buffer for every lazy input, as the preprocessor's memo has: unwritten pages hold older tokens.
            var buffer = new GreenToken[versions.Max(v => v.Length) + 2];
            GreenToken[]? previous = null;
            object? previousVersion = null;
            foreach (var pick in testCase.Order)
            {
                var text = versions[pick];
                var tokens = EditedUnits.Input(text, cache);
                var version = new object();
                var repeats = previous is null ? null : InputRepeatsPropertyTests.CommonEnds(previous, tokens, previousVersion!);
                var fromWhole = CParser.ParseTranslationUnit(new ParserTokens(tokens, tokens.Length) { Version = version, Repeats = repeats }, cache, whole, Options);
                buffer[tokens.Length - 1] = tokens[^1];
                var source = new Source(tokens);
                var fromLazy = CParser.ParseTranslationUnit(new ParserTokens(buffer, tokens.Length) { Version = version, Repeats = repeats, Source = source }, cache, lazy, Options);
                whole.Trim(keepParses: 4);
                lazy.Trim(keepParses: 4);
                InputRepeatsPropertyTests.AssertSameAsFresh(text, fromWhole);
                InputRepeatsPropertyTests.AssertSameAsFresh(text, fromLazy);
                Assert.Equal(whole.LastParse with { TokensFilled = 0 }, lazy.LastParse with { TokensFilled = 0 });
                Assert.Equal(source.Written, lazy.LastParse.TokensFilled);
                if (repeats is not null)
                {
                    total += tokens.Length;
                    filled += source.Written;
                }
                previous = tokens;
                previousVersion = version;
            }
        });
        FsCheck.Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), property);
        output.WriteLine($"{filled} of {total} tokens written where the input repeats the last one");
        // Pages around each edit, and blocks made two parses back (compared), are written; the rest is not.
        Assert.True(filled < total * 0.85, $"{filled} of {total} tokens written");
    }

}
