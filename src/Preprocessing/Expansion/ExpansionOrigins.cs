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
    /// <summary>By (definition, site) as one number: a session's definitions with a body each have an origin of their own (their name's), made once.</summary>
    private readonly Dictionary<long, int> _bases = [];

    /// <summary>The first of <paramref name="macro"/>'s body-length block of origins at <paramref name="site"/>, or -1 for a definition without origin.</summary>
    public int BaseFor(MacroDefinition macro, int site, OriginTable origins)
    {
        var body = macro.Body;
        // Built-in and synthetic definitions have no origin and no body: no block (the caller adds origins one by one).
        if (body.Length == 0 || macro.Origin < 0) return -1;
        var key = ((long)macro.Origin << 32) | (uint)site;
        if (_bases.TryGetValue(key, out var first)) return first;
        first = origins.Count;
        for (var i = 0; i < body.Length; i++)
        {
            var origin = body[i].Origin >= 0 ? origins[body[i].Origin] : default;
            origins.Append(new TokenOrigin(origin.File, origin.Offset, site, macro.Name));
        }
        _bases.Add(key, first);
        return first;
    }
}
