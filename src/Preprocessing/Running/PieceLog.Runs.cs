using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// Converting the pieces a call has where the previous call had others. A
/// file the preprocessor ran again (an <c>#if</c> of it read a flipped option)
/// writes its output into new arrays, cut where its chunks happen to end, but
/// most of that output is the very tokens it wrote last time: the same kinds,
/// texts and spacing, around the few lines the option added or dropped. A
/// token's conversion is a function of its kind, its text, whether white space
/// came before it, and whether the next token starts a line (see
/// <see cref="ParserInput"/>), so where the new pieces' tokens agree in all of
/// that with the previous call's, their conversions are the previous call's
/// green tokens, taken without a lookup, and the parser is told those tokens
/// repeat the last input there (<see cref="InputRepeats"/>) instead of
/// comparing them. The tokens are matched from both ends of the run, and in
/// the middle from anchors (<see cref="RunMatcher"/>); only the rest is converted.
/// </summary>
internal sealed partial class PieceLog
{
    /// <summary>Per piece of a run: its conversion is being made here (a new array whose holes <see cref="FinishRun"/> fills).</summary>
    private bool[] _building = [];

    /// <summary>
    /// Finishes the run of pieces from <paramref name="p"/> the previous call
    /// did not have in this order (up to the next piece it did have); returns
    /// where the run ends. The previous call's pieces between the ones around
    /// the run are what the run replaced: where their tokens match the run's,
    /// the previous conversions are taken and the stretch repeats the previous input.
    /// </summary>
    private int FinishRun(int p, ParserInputCache memo)
    {
        var q = p + 1;
        while (q < Count && _previousIndex[q] < 0) q++;
        if (_building.Length < _pieces.Length) _building = new bool[_pieces.Length];
        for (var r = p; r < q; r++)
        {
            _lasts[r] = null;
            _building[r] = false;
            var piece = _pieces[r];
            if (piece.Count < 2 || _entries[r] is not null) continue;
            // A piece this call has twice is converted once (the second finds the first's).
            if (memo.Find(piece) is { } kept)
            {
                _entries[r] = kept;
                continue;
            }
            _entries[r] = memo.Remember(piece, new GreenToken[piece.Count - 1]);
            _building[r] = true;
        }
        TakeRepeated(p, q, memo.RunMatcher);
        var cache = memo.Cache;
        var spacing = ParserInput.Spacing(cache);
        for (var r = p; r < q; r++)
        {
            var piece = _pieces[r];
            if (_building[r])
            {
                var tokens = _entries[r]!.Tokens;
                var span = piece.AsSpan();
                for (var i = 0; i < tokens.Length; i++)
                {
                    // The interior's tokens are followed by the piece's own.
                    tokens[i] ??= ParserInput.ConvertOne(span[i], (span[i + 1].Flags & PPTokenFlags.StartOfLine) != 0, cache, spacing);
                }
                _building[r] = false;
            }
            _lasts[r] ??= Last(r, _endsLine[r], cache);
        }
        return q;
    }

    /// <summary>
    /// Matches the run <c>[p, q)</c> with what the previous call had between
    /// the pieces around it and takes the previous green tokens where the
    /// tokens agree and so does the token after each (in starting a line),
    /// extending the repeated stretches there.
    /// </summary>
    private void TakeRepeated(int p, int q, RunMatcher matcher)
    {
        if (_previous is not { } previous) return;
        // The pieces around the run are the previous call's: what lies between them there is what the run replaced.
        var from = p > 0 ? _previousIndex[p - 1] + 1 : 0;
        var to = q < Count ? _previousIndex[q] : previous.Count;
        if (to <= from) return;
        var length = _starts[q - 1] + _pieces[q - 1].Count - _starts[p];
        var previousLength = previous._starts[to - 1] + previous._pieces[to - 1].Count - previous._starts[from];
        var limit = Math.Min(length, previousLength);
        // What follows the run: the same piece in both calls, or the end of both.
        var after = q == Count || _startsLine[q];
        var previousAfter = to == previous.Count || previous._startsLine[to];

        var front = 0;
        var mine = new Cursor(this, p, 0);
        var theirs = new Cursor(previous, from, 0);
        while (front < limit && RunMatcher.SameConversion(mine.Token, theirs.Token))
        {
            front++;
            mine.Next();
            theirs.Next();
        }
        var back = 0;
        if (after == previousAfter)
        {
            var mineBack = new Cursor(this, q - 1, _pieces[q - 1].Count - 1);
            var theirsBack = new Cursor(previous, to - 1, previous._pieces[to - 1].Count - 1);
            while (back < limit - front && RunMatcher.SameConversion(mineBack.Token, theirsBack.Token))
            {
                back++;
                mineBack.Previous();
                theirsBack.Previous();
            }
        }
        var matches = matcher.Begin();
        if (front > 0) matches.Add((0, 0, front));
        // A middle is looked into only when the ends agree: a run with neither is most likely output of another kind.
        if ((front > 0 || back > 0) && front < length - back && front < previousLength - back)
        {
            matcher.MatchMiddle(mine, length - back - front, theirs, previousLength - back - front, front, front);
        }
        if (back > 0) matches.Add((length - back, previousLength - back, back));
        foreach (var (at, previousAt, count) in matches)
        {
            // A match's last token converts the same only if the tokens after it agree in starting a line.
            var next = at + count < length ? StartsLine(this, p, at + count) : after;
            var previousNext = previousAt + count < previousLength ? StartsLine(previous, from, previousAt + count) : previousAfter;
            Take(Cursor.At(this, p, at), Cursor.At(previous, from, previousAt), next == previousNext ? count : count - 1);
        }
    }

    private static bool StartsLine(PieceLog log, int piece, int index) => (Cursor.At(log, piece, index).Token.Flags & PPTokenFlags.StartOfLine) != 0;

    /// <summary>Takes <paramref name="count"/> green tokens of the previous call from <paramref name="theirs"/> for the run's tokens from <paramref name="mine"/>, and the stretches where they are the run's conversion.</summary>
    private void Take(Cursor mine, Cursor theirs, int count)
    {
        var runStart = -1;
        var runPrevious = 0;
        var runLength = 0;
        for (var t = 0; t < count; t++)
        {
            var green = theirs.Green;
            var r = mine.Piece;
            var offset = mine.Offset;
            bool same;
            if (offset < _pieces[r].Count - 1)
            {
                var tokens = _entries[r]!.Tokens;
                if (_building[r]) tokens[offset] = green;
                // A conversion kept from an older call is the same tokens, not necessarily the same objects.
                same = ReferenceEquals(tokens[offset], green);
            }
            else
            {
                _lasts[r] = green;
                if (_entries[r] is { } entry && entry.Last(_endsLine[r]) is null) entry.SetLast(_endsLine[r], green);
                same = true;
            }
            var at = _starts[r] + offset;
            var previousAt = theirs.Log._starts[theirs.Piece] + theirs.Offset;
            if (same && runLength > 0 && runStart + runLength == at && runPrevious + runLength == previousAt) runLength++;
            else
            {
                if (runLength > 0) Extend(runStart, runPrevious, runLength);
                runLength = 0;
                if (same)
                {
                    runStart = at;
                    runPrevious = previousAt;
                    runLength = 1;
                }
            }
            mine.Next();
            theirs.Next();
        }
        if (runLength > 0) Extend(runStart, runPrevious, runLength);
    }

    /// <summary>A token of a log's pieces, walked one at a time.</summary>
    internal struct Cursor(PieceLog log, int from, int offset)
    {
        public PieceLog Log { get; } = log;

        public int Piece { get; private set; } = from;

        public int Offset { get; private set; } = offset;

        /// <summary>The cursor <paramref name="index"/> tokens after the start of piece <paramref name="piece"/>.</summary>
        public static Cursor At(PieceLog log, int piece, int index)
        {
            // Past the last piece is the end (never read there).
            while (piece < log.Count && index >= log._pieces[piece].Count)
            {
                index -= log._pieces[piece].Count;
                piece++;
            }
            return new Cursor(log, piece, index);
        }

        /// <summary>The tokens from the cursor to the end of its piece, at most <paramref name="count"/>.</summary>
        public readonly ReadOnlySpan<PPToken> Rest(int count) => Log._pieces[Piece].AsSpan(Offset, Math.Min(count, Log._pieces[Piece].Count - Offset));

        /// <summary>The cursor <paramref name="count"/> tokens further on.</summary>
        public readonly Cursor Ahead(int count) => At(Log, Piece, Offset + count);

        public readonly PPToken Token => Log._pieces[Piece][Offset];

        /// <summary>The token as the log's call converted it (its piece's kept interior, or its last token).</summary>
        public readonly GreenToken Green =>
            Offset < Log._pieces[Piece].Count - 1 ? Log._entries[Piece]!.Tokens[Offset] : Log._lasts[Piece]!;

        public void Next()
        {
            if (++Offset < Log._pieces[Piece].Count) return;
            Piece++;
            Offset = 0;
        }

        public void Previous()
        {
            if (--Offset >= 0) return;
            Piece--;
            Offset = Piece >= 0 ? Log._pieces[Piece].Count - 1 : 0;
        }
    }
}
