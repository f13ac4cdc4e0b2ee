using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// Reading the input: every read of the buffer goes through <see cref="InputAt"/>
/// or follows <see cref="Ready"/> over the stretch read, so a lazy input
/// (<see cref="ParserTokens.Source"/>) is filled, a page at a time, before any
/// token of it is read. What the parser takes on the input's word that it
/// repeats the last parse's (<see cref="InputRepeats"/>) it never reads, so
/// those pages stay unwritten.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>Tokens per page: small enough that a page read around a change fills little else.</summary>
    private const int PageBits = 8;

    private const int PageSize = 1 << PageBits;

    /// <summary>Where a lazy input's tokens come from (null: the buffer holds them all).</summary>
    private readonly IParserTokenSource? _source;

    /// <summary>Per page of a lazy input: whether it is written.</summary>
    private readonly bool[]? _filled;

    /// <summary>A stretch of the buffer known written, <c>[_readyStart, _readyEnd)</c>: reads there need no more (the whole input when it is not lazy).</summary>
    private int _readyStart;
    private int _readyEnd;

    /// <summary>Tokens written through the source.</summary>
    private int _tokensFilled;

    /// <summary>The input token at <paramref name="index"/>, its page filled first.</summary>
    private GreenToken InputAt(int index)
    {
        if ((uint)(index - _readyStart) >= (uint)(_readyEnd - _readyStart)) Ready(index, 1);
        return _input[index];
    }

    /// <summary>Fills the pages of <c>[start, start + length)</c> not yet written (the end-of-file token always is).</summary>
    private void Ready(int start, int length)
    {
        if (start >= _readyStart && start + length <= _readyEnd) return;
        if (_source is null || _filled is null) return;
        var end = Math.Min(start + length, _count - 1);
        start = Math.Max(start, 0);
        if (start >= end) return;
        var first = start >> PageBits;
        var last = (end - 1) >> PageBits;
        for (var page = first; page <= last; page++)
        {
            if (_filled[page]) continue;
            var from = page << PageBits;
            var count = Math.Min(PageSize, _count - 1 - from);
            _source.Fill(_input, from, count);
            _filled[page] = true;
            _tokensFilled += count;
        }
        // The pages just made sure of are one written stretch; joined to the known one when they touch.
        var readyStart = first << PageBits;
        var readyEnd = Math.Min((last + 1) << PageBits, _count - 1);
        if (readyStart <= _readyEnd && readyEnd >= _readyStart)
        {
            _readyStart = Math.Min(_readyStart, readyStart);
            _readyEnd = Math.Max(_readyEnd, readyEnd);
        }
        else
        {
            _readyStart = readyStart;
            _readyEnd = readyEnd;
        }
    }
}
