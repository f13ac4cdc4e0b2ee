using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Text;
using Xunit.Abstractions;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// The parser's input made incrementally equals the one made from scratch: from
/// the amd64 config, random sequences of options the module unit reads
/// flipped (and flipped back), each run through one session, its output
/// (pieces shared with earlier runs) turned into parser tokens with one
/// <see cref="ParserInputCache"/> (conversions kept per piece, one buffer
/// written over and over, lazily: its source writes any stretch asked for)
/// gives the very token objects that
/// <see cref="ParserInput.FromTokens(IReadOnlyList{PPToken}, GreenNodeCache)"/>
/// gives for a flat copy of the same tokens with the same cache, and its line
/// starts are those of the text those tokens print. Where an input says it
/// repeats the one before (<see cref="ParserTokens.Repeats"/>, what the parser
/// then trusts instead of comparing), the previous input held the very same
/// token objects there, and most of each input is said to repeat.
/// </summary>
public class ParserInputReuseProperty(ITestOutputHelper output)
{
    [Fact]
    public void Parser_tokens_and_lines_made_from_shared_pieces_equal_those_made_from_scratch()
    {
        var preAst = SessionInputs.PreAst;
        var amd64 = SessionInputs.Config("amd64");
        // Options the module unit reads that a flip changes the output of.
        string[] options = ["MEMCG", "SMP", "NUMA", "SLUB_DEBUG", "DEBUG_LOCK_ALLOC", "PREEMPT_RT", "KASAN", "TRACEPOINTS", "X86_KERNEL_IBT"];
        var sequences = Gen.Choose(1, 4).SelectMany(n => Gen.ListOf(Gen.Elements(options), n)).Select(l => l.ToArray());

        var session = new PreprocessingSession();
        var memo = new ParserInputCache(new GreenNodeCache());
        var config = amd64;
        var runs = 0;
        var shared = 0L;
        var earlier = new HashSet<(PPToken[]?, int, int)>();
        GreenToken[]? previous = null;
        object? previousVersion = null;
        var repeated = 0L;
        Prop.ForAll(Arb.From(sequences), flips =>
        {
            foreach (var option in flips)
            {
                config = SessionInputs.Flip(config, option);
                var result = Preprocessor.Run(preAst, SessionInputs.Compilation(config).LazyConfigOptions, PreAst.PreAst.MainFile, session);
                var sequence = Assert.IsType<TokenSequence>(result.Tokens);
                var filled = ParserInput.Fill(result.Tokens, memo);
                var lines = ParserInput.LineStarts(result.Tokens, memo);
                var flat = ParserInput.FromTokens(sequence.ToArray(), memo.Cache);

                Assert.Equal(flat.Length, filled.Count);
                var span = filled.AsSpan();
                for (var i = 0; i < flat.Length; i++)
                {
                    Assert.True(ReferenceEquals(flat[i], span[i]), $"after {string.Join(", ", flips)}: token {i} ('{flat[i].Text}') is another object");
                }
                // The source writes any stretch asked for, in any order, as the parser's pages ask (here odd sizes, back to front).
                var source = Assert.IsAssignableFrom<IParserTokenSource>(filled.Source);
                var pages = new GreenToken[flat.Length];
                for (var start = (flat.Length - 2) / 997 * 997; start >= 0; start -= 997) source.Fill(pages, start, Math.Min(997, flat.Length - 1 - start));
                for (var i = 0; i < flat.Length - 1; i++)
                {
                    Assert.True(ReferenceEquals(flat[i], pages[i]), $"after {string.Join(", ", flips)}: token {i} ('{flat[i].Text}') is another object when filled by pages");
                }
                var text = new SourceText(string.Concat(flat.Select(t => t.ToFullString())), "unit");
                Assert.Equal(text.LineCount, lines.Length);
                for (var line = 0; line < lines.Length; line++) Assert.Equal(text.GetLineStart(line), lines[line]);
                Assert.NotNull(filled.Version);
                if (previous is not null)
                {
                    var repeats = filled.Repeats;
                    Assert.NotNull(repeats);
                    Assert.Same(previousVersion, repeats.Previous);
                    foreach (var (start, previousStart, length) in repeats.Stretches)
                    {
                        for (var k = 0; k < length; k++)
                        {
                            Assert.True(ReferenceEquals(previous[previousStart + k], span[start + k]), $"after {string.Join(", ", flips)}: token {start + k} is said to repeat {previousStart + k} but does not");
                        }
                    }
                    repeated += repeats.Tokens;
                }
                previous = span.ToArray();
                previousVersion = filled.Version;
                var lazy = new SourceText(() => text.Text, text.Length, lines, "unit");
                Assert.Equal(text.GetLocation(text.Length / 2), lazy.GetLocation(text.Length / 2));

                runs++;
                var pieces = sequence.Pieces.ToArray().Select(p => (p.Array, p.Offset, p.Count)).ToList();
                shared += pieces.Where(earlier.Contains).Sum(p => (long)p.Count);
                earlier.UnionWith(pieces);
                output.WriteLine($"{option} flipped: {session.LastRun}; {sequence.Pieces.Length} pieces, {memo.Count} pieces' conversions kept");
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(4));
        // The runs shared most of their tokens with earlier runs, as the very pieces those runs' outputs held.
        Assert.True(shared > runs * 500_000L, $"{shared} tokens in pieces of earlier outputs over {runs} runs");
        // And most of each input after the first is said to repeat the one before.
        Assert.True(repeated > (runs - 1) * 500_000L, $"{repeated} tokens said to repeat over {runs} runs");
    }
}
