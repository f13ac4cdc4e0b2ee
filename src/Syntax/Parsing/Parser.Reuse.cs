using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Taking external declarations from earlier parses (<see cref="ReusableDeclarations"/>) and recording new ones.</summary>
internal sealed partial class Parser
{
    private readonly ReusableDeclarations? _reuse;
    private readonly FileScopeLog _log = new();
    private readonly int _parseNumber;

    /// <summary>The declaration just taken or recorded; its successor is the first guess for the next one.</summary>
    private ReusableDeclaration? _previous;

    private int _declarationsReused;
    private int _tokensReused;
    private int _declarationsParsed;

    /// <summary>
    /// Takes an earlier parse of the external declaration at <paramref name="start"/>
    /// when there is one for these very tokens whose file-scope preconditions
    /// hold: adds its node and does its file-scope declarations again.
    /// </summary>
    private bool TryReuse(int start, List<GreenNode> items)
    {
        // A diagnostic an earlier declaration put on these tokens would be missing from the old node.
        if (_reuse is null || _furthestReport >= start) return false;
        var found = _previous?.Successor is { } guess && Fits(guess, start) ? guess : null;
        if (found is null)
        {
            foreach (var candidate in _reuse.Candidates(_input, start))
            {
                if (Fits(candidate, start))
                {
                    found = candidate;
                    break;
                }
            }
        }
        if (found is null) return false;
        foreach (var effect in found.Effects) _scopes.Apply(effect);
        items.Add(found.Node);
        _position = start + found.Consumed;
        _declarationsReused++;
        _tokensReused += found.Consumed;
        Chain(found);
        return true;
    }

    private bool Fits(ReusableDeclaration entry, int start)
    {
        if (!entry.TokensMatch(_input, start)) return false;
        foreach (var fact in entry.Preconditions)
        {
            if (!_scopes.Holds(fact)) return false;
        }
        return true;
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
            _previous = null;
            return;
        }
        var read = Math.Max(_furthest + 1, _position) - start;
        var entry = new ReusableDeclaration(node, _input.AsSpan(start, read).ToArray(), _position - start,
            [.. _log.Preconditions], [.. _log.Effects]);
        _reuse!.Add(entry);
        Chain(entry);
    }

    /// <summary>After a declaration that cannot be recorded there is no guess for the next one.</summary>
    private void StopRecording()
    {
        _scopes.StopLog();
        _previous = null;
    }

    private void Chain(ReusableDeclaration entry)
    {
        entry.LastUsed = _parseNumber;
        if (_previous is not null) _previous.Successor = entry;
        _previous = entry;
    }

    public ReuseStatistics Statistics() =>
        new(_declarationsReused, _declarationsParsed, _tokensReused, _position - _tokensReused);
}
