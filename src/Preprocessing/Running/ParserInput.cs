using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        ReadOnlySpan<PPToken> span = tokens switch
        {
            List<PPToken> list => CollectionsMarshal.AsSpan(list),
            PPToken[] array => array,
            _ => [.. tokens],
        };
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var newline = cache.Trivia(SyntaxKind.EndOfLineTrivia, "\n");
        var result = new GreenToken[span.Length + 1];
        // The preprocessor hands out a few tens of thousands of distinct text
        // objects for a million tokens: look each object up once, not its characters.
        var byText = new TokensByText(cache, space, newline);
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var token = ref span[i];
            var endsLine = i + 1 == span.Length || (span[i + 1].Flags & PPTokenFlags.StartOfLine) != 0;
            var spaceBefore = (token.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)) == PPTokenFlags.LeadingSpace;
            result[i] = byText.Get(token.Kind, token.Text, (spaceBefore ? 1 : 0) | (endsLine ? 2 : 0));
        }
        result[span.Length] = cache.Token(SyntaxKind.EndOfFileToken, "", null, null);
        return result;
    }

    /// <summary>
    /// The four green tokens (space before or not, line end after or not) made
    /// for one text object, in open-addressing tables keyed by reference. The
    /// tables are split by hash so none grows into the large object heap, whose
    /// allocations cost full collections in a process holding a Pre-AST.
    /// </summary>
    private sealed class TokensByText(GreenNodeCache cache, GreenNode space, GreenNode newline)
    {
        private const int TableBits = 7;
        private readonly Entry[]?[] _tables = new Entry[1 << TableBits][];
        private readonly int[] _counts = new int[1 << TableBits];

        /// <summary>The token for this text object; <paramref name="variant"/> is 1 for a space before, plus 2 for a line end after.</summary>
        public GreenToken Get(SyntaxKind kind, string text, int variant)
        {
            var hash = RuntimeHelpers.GetHashCode(text);
            var which = hash & ((1 << TableBits) - 1);
            var table = _tables[which] ??= new Entry[16];
            var mask = table.Length - 1;
            var slot = (hash >> TableBits) & mask;
            while (true)
            {
                ref var entry = ref table[slot];
                if (entry.Text is null) break;
                if (ReferenceEquals(entry.Text, text))
                {
                    if (entry.Kind != kind) return Make(kind, text, variant);
                    ref var token = ref entry.Variant(variant);
                    return token ??= Make(kind, text, variant);
                }
                slot = (slot + 1) & mask;
            }
            table[slot].Text = text;
            table[slot].Kind = kind;
            var made = table[slot].Variant(variant) = Make(kind, text, variant);
            if (++_counts[which] * 2 > table.Length) _tables[which] = Grown(table);
            return made;
        }

        private GreenToken Make(SyntaxKind kind, string text, int variant) =>
            cache.RecurringToken(kind, text, (variant & 1) != 0 ? space : null, (variant & 2) != 0 ? newline : null);

        private static Entry[] Grown(Entry[] table)
        {
            var grown = new Entry[table.Length * 2];
            var mask = grown.Length - 1;
            foreach (var entry in table)
            {
                if (entry.Text is null) continue;
                var slot = (RuntimeHelpers.GetHashCode(entry.Text) >> TableBits) & mask;
                while (grown[slot].Text is not null) slot = (slot + 1) & mask;
                grown[slot] = entry;
            }
            return grown;
        }
    }

    private struct Entry
    {
        public string? Text;
        public SyntaxKind Kind;
        private GreenToken? _plain;
        private GreenToken? _spaceBefore;
        private GreenToken? _lineEnd;
        private GreenToken? _both;

        [UnscopedRef]
        public ref GreenToken? Variant(int variant)
        {
            switch (variant)
            {
                case 0: return ref _plain;
                case 1: return ref _spaceBefore;
                case 2: return ref _lineEnd;
                default: return ref _both;
            }
        }
    }
}
