using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Taking external declarations from earlier parses (<see cref="ReusableDeclarations"/>) and recording new ones.</summary>
internal sealed partial class Parser
{
    private readonly ReusableDeclarations? _reuse;
    private readonly FileScopeLog _log = new();
    private readonly int _parseNumber;

    /// <summary>Where this input repeats the last parse's (null when it is not known to).</summary>
    private readonly InputRepeats? _repeats;

    /// <summary>The input's version (see <see cref="ParserTokens.Version"/>), kept by the reuse for the next parse.</summary>
    public object? InputVersion { get; }

    /// <summary>The declaration just taken or recorded; its successor is the first guess for the next one.</summary>
    private ReusableDeclaration? _previous;

    /// <summary>
    /// While declarations are parsed afresh where the earlier parse's order
    /// expected another (an edit): that one. The next declaration is most likely
    /// it (the edit inserted) or its successor (the edit replaced), found so
    /// without a lookup by key; null while declarations are taken in order.
    /// </summary>
    private ReusableDeclaration? _displaced;

    /// <summary>Declarations this parse took one by one or recorded, each right after the one before, from <see cref="_stretchStart"/>: they become blocks.</summary>
    private readonly List<ReusableDeclaration> _stretch = [];
    private int _stretchStart;
    private int _stretchEnd;

    private int _declarationsReused;
    private int _blocksReused;
    private int _tokensReused;
    private int _declarationsParsed;
    private int _tokensRepeated;

    /// <summary>
    /// Takes an earlier parse of the external declaration at <paramref name="start"/>
    /// when there is one for these very tokens whose file-scope preconditions
    /// hold: adds its node and does its file-scope declarations again. A block
    /// starting with it is taken whole when it fits.
    /// </summary>
    private bool TryReuse(int start, List<GreenNode> items)
    {
        // A diagnostic an earlier declaration put on these tokens would be missing from the old node.
        if (_reuse is null || _furthestReport >= start) return false;
        // Any declaration that fits gives what a fresh parse would (it read these tokens under these answers): guesses first.
        var guess = _previous?.Successor;
        if (guess is not null && TryTake(guess, start, items))
        {
            _displaced = null;
            return true;
        }
        var displaced = _displaced;
        var next = (displaced ?? guess)?.Successor;
        if ((displaced is not null && TryTake(displaced, start, items)) || (next is not null && TryTake(next, start, items)))
        {
            _displaced = null;
            return true;
        }
        // Parsed afresh (or taken by key) here: the declarations expected here and next are the guesses after it.
        _displaced = guess ?? next ?? displaced;
        // The lookup hashes up to the first KeyTokens tokens.
        Ready(start, Math.Min(ReusableDeclarations.KeyTokens, _count - start));
        foreach (var candidate in _reuse.Candidates(_input, _count, start))
        {
            if (TryTake(candidate, start, items)) return true;
        }
        return false;
    }

    private bool TryTake(ReusableDeclaration entry, int start, List<GreenNode> items)
    {
        if (entry.Blocks is { } blocks)
        {
            foreach (var block in blocks)
            {
                if (BlockFits(block, start))
                {
                    TakeBlock(block, start, items);
                    return true;
                }
            }
        }
        if (!Fits(entry, start)) return false;
        foreach (var effect in entry.Effects) _scopes.Apply(effect);
        items.Add(entry.Node);
        _position = start + entry.Consumed;
        _declarationsReused++;
        _tokensReused += entry.Consumed;
        Chain(entry, start);
        return true;
    }

    private bool Fits(ReusableDeclaration entry, int start)
    {
        if (!SameTokens(entry.Tokens, entry.LastUsed, entry.LastStart, start)) return false;
        foreach (var fact in entry.Preconditions)
        {
            if (!_scopes.Holds(fact)) return false;
        }
        return true;
    }

    private bool BlockFits(ReusableBlock block, int start)
    {
        if (!SameTokens(block.Tokens, block.LastUsed, block.LastStart, start)) return false;
        foreach (var fact in block.Preconditions)
        {
            if (!_scopes.Holds(fact)) return false;
        }
        return true;
    }

    /// <summary>
    /// True when the input from <paramref name="start"/> holds <paramref name="tokens"/>,
    /// which an entry read at <paramref name="lastStart"/> in parse <paramref name="lastUsed"/>
    /// (it was made or taken there then). Where that was the last parse and the
    /// input repeats that stretch of the last one, the tokens are those objects
    /// without comparing them; the rest (all of them, or those past where the
    /// repeat ends, as at an edit inside a block) are compared, their pages
    /// filled as the comparison goes, so a difference near the start reads little.
    /// </summary>
    private bool SameTokens(ReadOnlySpan<GreenToken> tokens, int lastUsed, int lastStart, int start)
    {
        var length = tokens.Length;
        if (start + length > _count) return false;
        var known = _repeats is { } repeats && lastUsed == _parseNumber - 1 ? repeats.RepeatedLength(start, lastStart, length) : 0;
        if (known == length)
        {
            _tokensRepeated += length;
            return true;
        }
        for (var at = known; at < length;)
        {
            var chunk = Math.Min(length - at, PageSize - ((start + at) & (PageSize - 1)));
            Ready(start + at, chunk);
            var here = _input.AsSpan(start + at, chunk);
            var expected = tokens.Slice(at, chunk);
            for (var i = 0; i < chunk; i++)
            {
                if (!ReferenceEquals(expected[i], here[i])) return false;
            }
            at += chunk;
        }
        return true;
    }

    /// <summary>Takes each declaration of <paramref name="block"/> in turn, at once: its nodes, its net file-scope effects.</summary>
    private void TakeBlock(ReusableBlock block, int start, List<GreenNode> items)
    {
        foreach (var effect in block.Effects) _scopes.Apply(effect);
        SumItems(items);
        items.AddRange(block.Nodes);
        _itemsWidth += block.FullWidth;
        _itemsContainDiagnostics |= block.ContainsDiagnostics;
        _itemsSummed = items.Count;
        _position = start + block.Consumed;
        _declarationsReused += block.Entries.Length;
        _blocksReused++;
        _tokensReused += block.Consumed;
        block.LastUsed = _parseNumber;
        block.LastStart = start;
        // A block already is one: what was taken one by one before it becomes blocks of its own.
        EndStretch();
        if (_previous is not null) _previous.Successor = block.Entries[0];
        _previous = block.Entries[^1];
    }

    /// <summary>Starts logging what the declaration at <paramref name="start"/> asks of and does to the file scope; false when it cannot be recorded.</summary>
    private bool StartRecording(int start)
    {
        if (_reuse is null) return false;
        _declarationsParsed++;
        if (_furthestReport >= start) return false;
        _furthest = start;
        _scopes.StartLog(_log);
        return true;
    }

    /// <summary>Keeps the declaration just parsed from <paramref name="start"/> for later parses, unless its parse reached past its own tokens with a diagnostic.</summary>
    private void Record(int start, GreenNode node)
    {
        _scopes.StopLog();
        if (_furthestReport >= _position)
        {
            StopChain();
            return;
        }
        var read = Math.Max(_furthest + 1, _position) - start;
        // Read by the parse, so filled: made sure of all the same, the copy reading the buffer directly.
        Ready(start, read);
        var entry = new ReusableDeclaration(node, _input.AsSpan(start, read).ToArray(), _position - start,
            [.. _log.Preconditions], [.. _log.Effects]);
        _reuse!.Add(entry);
        Chain(entry, start);
    }

    /// <summary>After a declaration that cannot be recorded there is no guess for the next one.</summary>
    private void StopRecording()
    {
        _scopes.StopLog();
        StopChain();
    }

    private void StopChain()
    {
        _previous = null;
        EndStretch();
    }

    private void Chain(ReusableDeclaration entry, int start)
    {
        entry.LastUsed = _parseNumber;
        entry.LastStart = start;
        if (_previous is not null) _previous.Successor = entry;
        _previous = entry;
        // Only declarations right after one another make a block (a declaration not recorded may lie between).
        if (_stretch.Count > 0 && start != _stretchEnd) EndStretch();
        if (_stretch.Count == 0) _stretchStart = start;
        _stretch.Add(entry);
        _stretchEnd = start + entry.Consumed;
    }

    private void EndStretch()
    {
        if (_stretch.Count >= 2) _reuse!.AddBlocks(_stretch, _stretchStart, _parseNumber);
        _stretch.Clear();
    }

    /// <summary>At the end of the parse: the last stretch becomes blocks.</summary>
    public void EndReuse()
    {
        if (_reuse is null) return;
        EndStretch();
        _reuse.EndBlocks();
    }

    public ReuseStatistics Statistics() =>
        new(_declarationsReused, _declarationsParsed, _tokensReused, _position - _tokensReused) { BlocksReused = _blocksReused, TokensRepeated = _tokensRepeated, TokensFilled = _tokensFilled };
}
