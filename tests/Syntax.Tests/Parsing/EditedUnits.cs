using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>Versions of a unit for the parser-reuse properties: a base and three variants that each differ from it in one place, as config flips give.</summary>
internal static class EditedUnits
{
    /// <summary>The base, then one declaration replaced, one inserted and one deleted (at the edits' positions, with their texts).</summary>
    public static List<string> Versions(List<string> unit, List<(int At, string Text)> edits)
    {
        var versions = new List<string> { Text(unit) };
        for (var v = 1; v <= 3; v++)
        {
            var version = unit.ToList();
            var (at, text) = edits[v - 1];
            switch (v)
            {
                case 1: version[at % version.Count] = text; break;
                case 2: version.Insert(at % (version.Count + 1), text); break;
                default: version.RemoveAt(at % version.Count); break;
            }
            versions.Add(Text(version));
        }
        return versions;
    }

    public static string Text(List<string> unit) => string.Join("\n", unit) + "\n";

    /// <summary>The lexed tokens ending with an end-of-file token (the parser's shape).</summary>
    public static GreenToken[] Input(string text, GreenNodeCache cache)
    {
        var tokens = Lexer.LexAll(text, cache);
        if (tokens.Count == 0 || tokens[^1].Kind != SyntaxKind.EndOfFileToken) tokens.Add(cache.Token(SyntaxKind.EndOfFileToken, "", null, null));
        return [.. tokens];
    }
}
