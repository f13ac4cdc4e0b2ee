using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// A session's origins of expanded tokens, one block per (definition, expansion
/// site): replacement-list token i of an expansion of <c>M</c> at site s has
/// origin base + i. Definitions are canonical and sites are themselves origins
/// kept this way, so a later run expanding the same macro at the same place
/// finds the same origins with one lookup per expansion, where interning them
/// would hash every token (the cold run's largest recording cost).
/// </summary>
public sealed class ExpansionOrigins
{
    private readonly Dictionary<(MacroDefinition Macro, int Site), int> _bases = [];

    /// <summary>The first of <paramref name="macro"/>'s body-length block of origins at <paramref name="site"/>.</summary>
    public int BaseFor(MacroDefinition macro, int site, OriginTable origins)
    {
        if (_bases.TryGetValue((macro, site), out var first)) return first;
        var body = macro.Body;
        first = origins.Count;
        for (var i = 0; i < body.Length; i++)
        {
            var origin = body[i].Origin >= 0 ? origins[body[i].Origin] : default;
            origins.Append(new TokenOrigin(origin.File, origin.Offset, site, macro.Name));
        }
        _bases.Add((macro, site), first);
        return first;
    }
}
