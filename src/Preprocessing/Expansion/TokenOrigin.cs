namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// Where a token came from: a file (Pre-AST file id, or a negative id for a
/// generated header) and an offset in it; for a token a macro expansion
/// produced, <see cref="Offset"/> is in the macro's definition and
/// <see cref="ExpandedAt"/> is the origin of the macro name at the expansion
/// site (-1 for a token read straight from a file).
/// </summary>
public readonly record struct TokenOrigin(int File, int Offset, int ExpandedAt, string? Macro);

/// <summary>The origins of one preprocessing run; tokens refer to them by index.</summary>
public sealed class OriginTable
{
    private readonly List<TokenOrigin> _origins = [];

    public int Count => _origins.Count;

    public TokenOrigin this[int index] => _origins[index];

    public int Add(TokenOrigin origin)
    {
        _origins.Add(origin);
        return _origins.Count - 1;
    }

    /// <summary>The chain of expansion sites, innermost first, ending at the source position.</summary>
    public IEnumerable<TokenOrigin> Chain(int index)
    {
        for (var i = index; i >= 0 && i < _origins.Count; i = _origins[i].ExpandedAt)
        {
            yield return _origins[i];
        }
    }
}
