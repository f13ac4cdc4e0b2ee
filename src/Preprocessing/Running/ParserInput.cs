using System.Runtime.CompilerServices;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// Turns preprocessed tokens into the green tokens the C parser reads: a space
/// of leading trivia where there was white space, and an end of line in the
/// trailing trivia of the token before one that started a line — so a
/// "# pragma ..." line ends where the parser expects it to. The text these
/// tokens print is <see cref="PreprocessResult.ToText"/>.
/// Tokens come from the <see cref="GreenNodeCache"/>, so equal tokens are the
/// same objects within a call and across calls with the same cache (what
/// <see cref="Syntax.Parsing.ReusableDeclarations"/> compares).
/// </summary>
public static class ParserInput
{
    public static GreenToken[] FromTokens(IReadOnlyList<PPToken> tokens, GreenNodeCache cache)
    {
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        var count = tokens.Count;
        var result = new GreenToken[count + 1];
        // The preprocessor hands out a few tens of thousands of distinct text
        // objects for a million tokens: look each object up once, not its characters.
        var byText = new TokensByText(cache, space, newline);
        var next = count > 0 ? tokens[0] : default;
        for (var i = 0; i < count; i++)
        {
            var token = next;
            next = i + 1 < count ? tokens[i + 1] : default;
            var endsLine = i + 1 == count || (next.Flags & PPTokenFlags.StartOfLine) != 0;
            var spaceBefore = token.HasLeadingSpace && (token.Flags & PPTokenFlags.StartOfLine) == 0;
            result[i] = byText.Get(token.Kind, token.Text, spaceBefore, endsLine);
        }
        result[count] = cache.Token(SyntaxKind.EndOfFileToken, "", null, null);
        return result;
    }

    /// <summary>
    /// The four green tokens (space before or not, line end after or not) made
    /// for one text object, in an open-addressing table keyed by reference.
    /// </summary>
    private sealed class TokensByText(GreenNodeCache cache, GreenNode space, GreenNode newline)
    {
        private string?[] _keys = new string?[1 << 14];
        private Variants[] _values = new Variants[1 << 14];
        private int _count;

        public GreenToken Get(SyntaxKind kind, string text, bool spaceBefore, bool endsLine)
        {
            var mask = _keys.Length - 1;
            var slot = RuntimeHelpers.GetHashCode(text) & mask;
            while (true)
            {
                var key = _keys[slot];
                if (key is null) break;
                if (ReferenceEquals(key, text))
                {
                    var found = _values[slot];
                    if (found.Kind != kind) return Make(kind, text, spaceBefore, endsLine);
                    var index = (spaceBefore ? 1 : 0) | (endsLine ? 2 : 0);
                    return found.Tokens[index] ??= Make(kind, text, spaceBefore, endsLine);
                }
                slot = (slot + 1) & mask;
            }
            var variants = new Variants(kind);
            _keys[slot] = text;
            _values[slot] = variants;
            if (++_count * 2 > _keys.Length) Grow();
            return variants.Tokens[(spaceBefore ? 1 : 0) | (endsLine ? 2 : 0)] = Make(kind, text, spaceBefore, endsLine);
        }

        private GreenToken Make(SyntaxKind kind, string text, bool spaceBefore, bool endsLine) =>
            cache.Token(kind, cache.Intern(text), spaceBefore ? space : null, endsLine ? newline : null);

        private void Grow()
        {
            var keys = _keys;
            var values = _values;
            _keys = new string?[keys.Length * 2];
            _values = new Variants[keys.Length * 2];
            var mask = _keys.Length - 1;
            for (var i = 0; i < keys.Length; i++)
            {
                if (keys[i] is not { } key) continue;
                var slot = RuntimeHelpers.GetHashCode(key) & mask;
                while (_keys[slot] is not null) slot = (slot + 1) & mask;
                _keys[slot] = key;
                _values[slot] = values[i];
            }
        }
    }

    private sealed class Variants(SyntaxKind kind)
    {
        public SyntaxKind Kind { get; } = kind;

        public GreenToken?[] Tokens { get; } = new GreenToken?[4];
    }
}
