namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// Where a parser input holds the very token objects of the input before it,
/// at the same relative places: stretches <c>[Start, Start + Length)</c> of
/// this input equal <c>[PreviousStart, PreviousStart + Length)</c> of the
/// input whose <see cref="ParserTokens.Version"/> is <see cref="Previous"/>.
/// Whoever builds the input from pieces it knows are unchanged (a
/// preprocessor's replayed runs, converted once) says so here, and the
/// parser takes an earlier declaration read from the previous input at the
/// corresponding place without comparing its tokens one by one: a config
/// flip's input is a million tokens, nearly all in a few stretches.
/// </summary>
public sealed class InputRepeats
{
    private readonly int[] _starts;
    private readonly int[] _previousStarts;
    private readonly int[] _lengths;

    /// <summary>The stretch the last query fell in (a hint only: the parser asks front to back).</summary>
    private int _last;

    /// <param name="previous">The version of the input these stretches repeat.</param>
    /// <param name="starts">Where each stretch starts in this input, increasing, stretches not overlapping.</param>
    /// <param name="previousStarts">Where each starts in the previous input.</param>
    /// <param name="lengths">Their lengths, each at least one.</param>
    public InputRepeats(object previous, int[] starts, int[] previousStarts, int[] lengths)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (starts.Length != previousStarts.Length || starts.Length != lengths.Length) throw new ArgumentException("one start, previous start and length per stretch");
        for (var k = 0; k < starts.Length; k++)
        {
            if (lengths[k] < 1 || starts[k] < 0 || previousStarts[k] < 0) throw new ArgumentException("stretches are non-empty and start at an index");
            if (k > 0 && starts[k] < starts[k - 1] + lengths[k - 1]) throw new ArgumentException("stretches are increasing and do not overlap");
        }
        Previous = previous;
        _starts = starts;
        _previousStarts = previousStarts;
        _lengths = lengths;
    }

    /// <summary>The version of the input repeated (compared by reference).</summary>
    public object Previous { get; }

    /// <summary>How many stretches there are.</summary>
    public int Count => _starts.Length;

    /// <summary>The stretches in order: where each starts here and in the previous input, and its length.</summary>
    public IEnumerable<(int Start, int PreviousStart, int Length)> Stretches =>
        _starts.Select((start, k) => (start, _previousStarts[k], _lengths[k]));

    /// <summary>How many tokens the stretches hold.</summary>
    public long Tokens => _lengths.Sum(l => (long)l);

    /// <summary>
    /// How many of the <paramref name="length"/> tokens from <paramref name="start"/>
    /// one stretch says are the previous input's from <paramref name="previousStart"/>
    /// (0 when none does): where an edit falls inside them, the tokens before it.
    /// </summary>
    public int RepeatedLength(int start, int previousStart, int length)
    {
        var k = Find(start);
        if (k < 0 || start - _starts[k] != previousStart - _previousStarts[k]) return 0;
        return Math.Min(length, _starts[k] + _lengths[k] - start);
    }

    /// <summary>The stretch holding <paramref name="index"/>, or -1.</summary>
    private int Find(int index)
    {
        var k = _last;
        if (k < _starts.Length && index >= _starts[k])
        {
            // Front to back: this stretch or one of the next few.
            for (var steps = 0; k < _starts.Length && steps < 4; k++, steps++)
            {
                if (index < _starts[k]) return -1;
                if (index < _starts[k] + _lengths[k]) return _last = k;
            }
        }
        k = Array.BinarySearch(_starts, index);
        if (k < 0) k = ~k - 1;
        if (k < 0 || index >= _starts[k] + _lengths[k]) return -1;
        return _last = k;
    }
}
