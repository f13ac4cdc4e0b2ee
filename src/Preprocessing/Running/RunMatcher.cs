using LayoutExpert.Preprocessing.Tokens;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// Matches the middle of a run of new pieces (<see cref="PieceLog"/>) with
/// what the previous call had there: the stretches of tokens that convert the
/// same in both, in order. A flipped option adds or drops a few lines at a
/// few places of a file, so the tokens agree from the start up to an edit,
/// then again from a little further on in one or both: after a difference,
/// the nearest place where a few tokens agree again (an anchor, found by the
/// hash of its first <see cref="AnchorTokens"/> tokens) is taken, nearest by
/// the tokens skipped on both sides. Greedy, not a minimal diff: a match only
/// ever spares a conversion and a comparison, and every token matched is
/// compared itself (the hashes only find candidates).
/// Kept by the <see cref="ParserInputCache"/> for its buffers (int arrays of
/// at most <see cref="MaxWindow"/>, out of the large object heap); one call at a time.
/// </summary>
internal sealed class RunMatcher
{
    /// <summary>Tokens hashed for an anchor.</summary>
    private const int AnchorTokens = 4;

    /// <summary>Tokens that must agree for an anchor to be taken (fewer at the end of either side).</summary>
    private const int VerifyTokens = 8;

    /// <summary>Earlier tokens with the same anchor hash looked through per place.</summary>
    private const int ChainSteps = 16;

    /// <summary>Tokens of either side looked through for an anchor first (a few lines added or dropped)...</summary>
    private const int FirstWindow = 256;

    /// <summary>... and at most (8 times more each time): a longer middle is given up on.</summary>
    private const int MaxWindow = 256;

    /// <summary>The flags a token's conversion reads (its own spacing; the next token's start of line).</summary>
    private const PPTokenFlags ConversionFlags = PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine;

    private readonly List<(int At, int PreviousAt, int Length)> _matches = [];

    /// <summary>Per token of either side, the hash of its kind, text object and spacing; then per place, the hash of the anchor starting there.</summary>
    private int[] _mineKeys = [];
    private int[] _theirsKeys = [];
    private int[] _mineAnchors = [];
    private int[] _theirsAnchors = [];

    /// <summary>Open addressing over the previous side's anchors: 1 + the first place with the slot's anchor hash (0: empty).</summary>
    private int[] _slots = [];

    /// <summary>Per previous place, the next one with the same anchor hash (-1: none).</summary>
    private int[] _next = [];

    /// <summary>Tokens convert the same (see <see cref="ParserInput"/>) when their kinds, texts and spacing agree, and so do the next tokens' starts of line.</summary>
    public static bool SameConversion(in PPToken x, in PPToken y) =>
        x.Kind == y.Kind && ((x.Flags ^ y.Flags) & ConversionFlags) == 0 && string.Equals(x.Text, y.Text);

    /// <summary>Starts a run's matches: (where in the run, where in the previous call's, how many tokens), in order.</summary>
    public List<(int At, int PreviousAt, int Length)> Begin()
    {
        _matches.Clear();
        return _matches;
    }

    /// <summary>
    /// Adds the matches of the <paramref name="length"/> tokens from <paramref name="mine"/>
    /// with the <paramref name="previousLength"/> tokens from <paramref name="theirs"/>
    /// (which start <paramref name="at"/> and <paramref name="previousAt"/> into the run and what it replaced).
    /// </summary>
    public void MatchMiddle(PieceLog.Cursor mine, int length, PieceLog.Cursor theirs, int previousLength, int at, int previousAt)
    {
        var i = 0;
        var j = 0;
        while (true)
        {
            // The tokens themselves, one after the other: equal texts in other objects convert the same.
            var matchStart = i;
            var matchPrevious = j;
            while (i < length && j < previousLength && SameConversion(mine.Token, theirs.Token))
            {
                i++;
                j++;
                mine.Next();
                theirs.Next();
            }
            if (i > matchStart) _matches.Add((at + matchStart, previousAt + matchPrevious, i - matchStart));
            if (i >= length || j >= previousLength) return;
            if (!Resync(ref i, ref j, ref mine, ref theirs, length, previousLength)) return;
        }
    }

    /// <summary>
    /// After a difference at <paramref name="i"/> and <paramref name="j"/>: moves
    /// both (and their cursors) to the nearest anchor, looked for in windows
    /// ahead of them that grow until the rest of either side is in; false when
    /// there is none.
    /// </summary>
    private bool Resync(ref int i, ref int j, ref PieceLog.Cursor mine, ref PieceLog.Cursor theirs, int length, int previousLength)
    {
        for (var window = FirstWindow; ; window = Math.Min(8 * window, MaxWindow))
        {
            var count = Math.Min(window, length - i);
            var previousCount = Math.Min(window, previousLength - j);
            if (count < AnchorTokens || previousCount < AnchorTokens) return false;
            Load(ref _mineKeys, ref _mineAnchors, mine, count);
            Load(ref _theirsKeys, ref _theirsAnchors, theirs, previousCount);
            Index(previousCount);
            if (FindAnchor(count, previousCount, mine, theirs) is var (k, c))
            {
                i += k;
                j += c;
                mine = mine.Ahead(k);
                theirs = theirs.Ahead(c);
                return true;
            }
            if ((count == length - i && previousCount == previousLength - j) || window >= MaxWindow) return false;
        }
    }

    /// <summary>The nearest anchor in the windows (fewest tokens skipped on both sides), or null.</summary>
    private (int At, int PreviousAt)? FindAnchor(int length, int previousLength, PieceLog.Cursor mine, PieceLog.Cursor theirs)
    {
        var best = int.MaxValue;
        (int, int)? found = null;
        var mask = _slots.Length - 1;
        for (var k = 0; k + AnchorTokens <= length && k < best; k++)
        {
            var anchor = _mineAnchors[k];
            var candidate = -1;
            for (var slot = Slot(anchor, mask); _slots[slot] != 0; slot = (slot + 1) & mask)
            {
                if (_theirsAnchors[_slots[slot] - 1] != anchor) continue;
                candidate = _slots[slot] - 1;
                break;
            }
            for (var steps = 0; candidate >= 0 && steps < ChainSteps; candidate = _next[candidate], steps++)
            {
                // Candidates come in order: the later ones skip more.
                if (k + candidate >= best) break;
                if (!Agree(k, candidate, length, previousLength, mine, theirs)) continue;
                best = k + candidate;
                found = (k, candidate);
                break;
            }
        }
        return found;
    }

    /// <summary>Whether the tokens from <paramref name="i"/> and <paramref name="j"/> agree for an anchor: their hashes, then the tokens themselves.</summary>
    private bool Agree(int i, int j, int length, int previousLength, PieceLog.Cursor mine, PieceLog.Cursor theirs)
    {
        var count = Math.Min(VerifyTokens, Math.Min(length - i, previousLength - j));
        for (var t = 0; t < count; t++)
        {
            if (_mineKeys[i + t] != _theirsKeys[j + t]) return false;
        }
        var mineAt = mine.Ahead(i);
        var theirsAt = theirs.Ahead(j);
        for (var t = 0; t < count; t++)
        {
            if (!SameConversion(mineAt.Token, theirsAt.Token)) return false;
            mineAt.Next();
            theirsAt.Next();
        }
        return true;
    }

    /// <summary>The previous side's anchors by hash, each slot holding the first place, the others chained after it in order.</summary>
    private void Index(int previousLength)
    {
        var size = 16;
        while (size < 2 * previousLength) size *= 2;
        if (_slots.Length < size) _slots = new int[size];
        else size = _slots.Length;
        Array.Clear(_slots, 0, size);
        if (_next.Length < previousLength) _next = new int[Math.Max(previousLength, 2 * _next.Length)];
        var mask = size - 1;
        for (var k = previousLength - AnchorTokens; k >= 0; k--)
        {
            var anchor = _theirsAnchors[k];
            var slot = Slot(anchor, mask);
            while (_slots[slot] != 0 && _theirsAnchors[_slots[slot] - 1] != anchor) slot = (slot + 1) & mask;
            _next[k] = _slots[slot] - 1;
            _slots[slot] = k + 1;
        }
    }

    private static int Slot(int anchor, int mask) => (int)(((uint)anchor * 0x9E3779B1u) >> 7) & mask;

    /// <summary>Hashes <paramref name="count"/> tokens from <paramref name="cursor"/>, and each place's anchor.</summary>
    private static void Load(ref int[] keys, ref int[] anchors, PieceLog.Cursor cursor, int count)
    {
        if (keys.Length < count)
        {
            keys = new int[Math.Max(count, 2 * keys.Length)];
            anchors = new int[keys.Length];
        }
        for (var k = 0; k < count;)
        {
            var span = cursor.Rest(count - k);
            foreach (ref readonly var token in span)
            {
                // Kind, spacing, and the text's length and ends: no more is read (tokens are compared by their texts).
                var text = token.Text;
                var ends = text.Length == 0 ? 0 : (text[0] << 16) | text[^1];
                keys[k++] = (((((int)token.Kind * 31) + (int)(token.Flags & ConversionFlags)) * 31) + text.Length) * -1640531535 ^ ends;
            }
            cursor = cursor.Ahead(span.Length);
        }
        for (var k = 0; k + AnchorTokens <= count; k++)
        {
            var anchor = keys[k];
            for (var t = 1; t < AnchorTokens; t++) anchor = (anchor * 31) + keys[k + t];
            anchors[k] = anchor;
        }
    }
}
