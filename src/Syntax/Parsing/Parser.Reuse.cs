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
        if (_previous?.Successor is { } guess && TryTake(guess, start, items)) return true;
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
        if (!Repeated(entry.LastUsed, entry.LastStart, start, entry.Tokens.Length) && !(ReadyFor(start, entry.Tokens.Length) && entry.TokensMatch(_input, _count, start))) return false;
        foreach (var fact in entry.Preconditions)
        {
            if (!_scopes.Holds(fact)) return false;
        }
        return true;
    }

    private bool BlockFits(ReusableBlock block, int start)
    {
        if (!Repeated(block.LastUsed, block.LastStart, start, block.Tokens.Length) && !(ReadyFor(start, block.Tokens.Length) && block.TokensMatch(_input, _count, start))) return false;
        foreach (var fact in block.Preconditions)
        {
            if (!_scopes.Holds(fact)) return false;
        }
        return true;
    }

    /// <summary>Fills the pages of the <paramref name="length"/> tokens from <paramref name="start"/> before they are compared; false when the input is shorter.</summary>
    private bool ReadyFor(int start, int length)
    {
        if (start + length > _count) return false;
        Ready(start, length);
        return true;
    }

    /// <summary>
    /// True when the input from <paramref name="start"/> is known to hold the
    /// <paramref name="length"/> tokens an entry read at <paramref name="lastStart"/>
    /// in the last parse (it was made or taken there then, <paramref name="lastUsed"/>
    /// being that parse): the input repeats that stretch of the last one, so
    /// the tokens are those objects without comparing them.
    /// </summary>
    private bool Repeated(int lastUsed, int lastStart, int start, int length)
    {
        if (_repeats is not { } repeats || lastUsed != _parseNumber - 1 || !repeats.Repeats(start, lastStart, length)) return false;
        _tokensRepeated += length;
        return true;
    }

    /// <summary>Takes each declaration of <paramref name="block"/> in turn, at once: its nodes, its net file-scope effects.</summary>
    private void TakeBlock(ReusableBlock block, int start, List<GreenNode> items)
    {
        foreach (var effect in block.Effects) _scopes.Apply(effect);
        items.AddRange(block.Nodes);
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
