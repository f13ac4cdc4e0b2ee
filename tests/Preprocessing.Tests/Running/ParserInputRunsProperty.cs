using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tests.Reuse;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>
/// Pieces a call has where the last call had others (a file the preprocessor
/// ran again writes its output into new arrays) are converted from the last
/// call's green tokens where their tokens match (<c>PieceLog.FinishRun</c>,
/// <c>RunMatcher</c>), and said to repeat the last input there. Over a real
/// unit's tokens: a stretch of them as one call's pieces, then the same stretch
/// edited as a flip edits output (tokens dropped, stretches added, a token's
/// spacing or start of line changed, texts in other string objects), its
/// pieces partly the first call's arrays, partly new arrays cut anywhere.
/// The second call's parser tokens are the very objects a conversion from
/// scratch with the same cache gives, every stretch said to repeat holds the
/// first call's very objects, and most of the new arrays' tokens are said to repeat.
/// </summary>
public class ParserInputRunsProperty
{
    private static readonly Lazy<PPToken[]> Unit = new(() =>
    {
        var config = SessionInputs.Config("amd64");
        var result = Preprocessor.Run(SessionInputs.PreAst, SessionInputs.Compilation(config).LazyConfigOptions, PreAst.PreAst.MainFile);
        return [.. result.Tokens];
    });

    private sealed record Edit(int Kind, int At, int Length, int Source);

    [Fact]
    public void Runs_of_new_pieces_take_the_last_calls_conversions_only_where_they_are_the_same_tokens()
    {
        var unit = Unit.Value;
        var edits = Gen.ListOf(
            Gen.Choose(0, 4).SelectMany(kind => Gen.Choose(0, 1 << 20).SelectMany(at => Gen.Choose(1, 40).SelectMany(length =>
                Gen.Choose(0, 1 << 20).Select(source => new Edit(kind, at, length, source)))))).Select(l => l.ToArray());
        var cases = Gen.Choose(0, unit.Length - 5000).SelectMany(start => Gen.Choose(200, 4000).SelectMany(length =>
            edits.SelectMany(e => Gen.Choose(0, int.MaxValue).Select(seed => (start, length, e, seed)))));
        var inNewArrays = 0L;
        var repeatedInNewArrays = 0L;
        Prop.ForAll(Arb.From(cases), c =>
        {
            var random = new Random(c.seed);
            var window = unit.AsSpan(c.start, c.length).ToArray();
            var memo = new ParserInputCache(new GreenNodeCache());
            var firstPieces = Cut(window, random);
            var first = ParserInput.Fill(new TokenSequence(firstPieces), memo);
            var firstTokens = first.AsSpan().ToArray();

            // The second call: each first piece kept as it is (the same array stretch), or its tokens edited into new arrays.
            var secondPieces = new List<ArraySegment<PPToken>>();
            var newPieces = new HashSet<ArraySegment<PPToken>>();
            var fresh = new List<PPToken>();
            foreach (var piece in firstPieces)
            {
                if (random.Next(3) == 0)
                {
                    Flush(fresh, secondPieces, newPieces, random);
                    secondPieces.Add(piece);
                }
                else fresh.AddRange(piece);
            }
            Flush(fresh, secondPieces, newPieces, random);
            // The edits fall on the new arrays' tokens (copies: the first call's arrays are never written).
            var copied = secondPieces.Select(p => newPieces.Contains(p) ? p.ToList() : null).ToList();
            foreach (var edit in c.e)
            {
                var candidates = copied.Select((l, i) => (l, i)).Where(x => x.l is { Count: > 0 }).ToList();
                if (candidates.Count == 0) break;
                var (tokens, _) = candidates[edit.At % candidates.Count];
                var at = edit.At % tokens!.Count;
                switch (edit.Kind)
                {
                    case 0: tokens.RemoveRange(at, Math.Min(edit.Length, tokens.Count - at)); break;
                    case 1: tokens.InsertRange(at, window.Skip(edit.Source % window.Length).Take(edit.Length)); break;
                    case 2: tokens[at] = tokens[at] with { Flags = tokens[at].Flags ^ PPTokenFlags.StartOfLine }; break;
                    case 3: tokens[at] = tokens[at] with { Flags = tokens[at].Flags ^ PPTokenFlags.LeadingSpace }; break;
                    default: tokens[at] = tokens[at] with { Text = new string(tokens[at].Text.AsSpan()) }; break;
                }
            }
            var second = new List<ArraySegment<PPToken>>();
            var newArrays = new HashSet<ArraySegment<PPToken>>();
            for (var i = 0; i < secondPieces.Count; i++)
            {
                if (copied[i] is null) second.Add(secondPieces[i]);
                else if (copied[i]!.Count > 0)
                {
                    var segment = new ArraySegment<PPToken>([.. copied[i]!]);
                    second.Add(segment);
                    newArrays.Add(segment);
                }
            }
            if (second.Count == 0) return;
            var sequence = new TokenSequence(second);
            var filled = ParserInput.Fill(sequence, memo);
            var flat = ParserInput.FromTokens(sequence.ToArray(), memo.Cache);
            var span = filled.AsSpan();
            Assert.Equal(flat.Length, span.Length);
            for (var i = 0; i < flat.Length; i++)
            {
                Assert.True(ReferenceEquals(flat[i], span[i]), $"token {i} ('{flat[i].Text}') is another object than a conversion from scratch gives");
            }
            var repeats = Assert.IsType<InputRepeats>(filled.Repeats);
            var at2 = 0;
            var starts = new Dictionary<int, bool>();
            foreach (var piece in second)
            {
                for (var k = 0; k < piece.Count; k++) starts[at2 + k] = newArrays.Contains(piece);
                at2 += piece.Count;
            }
            foreach (var (start, previousStart, length) in repeats.Stretches)
            {
                for (var k = 0; k < length; k++)
                {
                    Assert.True(ReferenceEquals(firstTokens[previousStart + k], span[start + k]), $"token {start + k} is said to repeat {previousStart + k} but does not");
                    if (starts[start + k]) repeatedInNewArrays++;
                }
            }
            inNewArrays += starts.Values.Count(v => v);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150));
        // The new arrays are mostly the first call's tokens: most of them are said to repeat it.
        Assert.True(repeatedInNewArrays > inNewArrays / 2, $"{repeatedInNewArrays} of {inNewArrays} tokens in new arrays said to repeat");
    }

    /// <summary>The tokens cut into arrays of their own at random places.</summary>
    private static List<ArraySegment<PPToken>> Cut(PPToken[] tokens, Random random)
    {
        var pieces = new List<ArraySegment<PPToken>>();
        for (var at = 0; at < tokens.Length;)
        {
            var length = Math.Min(tokens.Length - at, random.Next(1, 600));
            pieces.Add(new ArraySegment<PPToken>(tokens.AsSpan(at, length).ToArray()));
            at += length;
        }
        return pieces;
    }

    /// <summary>Ends a stretch of copied tokens: as new pieces cut at random places.</summary>
    private static void Flush(List<PPToken> fresh, List<ArraySegment<PPToken>> pieces, HashSet<ArraySegment<PPToken>> newPieces, Random random)
    {
        foreach (var piece in Cut([.. fresh], random))
        {
            pieces.Add(piece);
            newPieces.Add(piece);
        }
        fresh.Clear();
    }
}
