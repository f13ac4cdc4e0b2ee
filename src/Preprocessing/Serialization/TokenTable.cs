using System.Text;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The loader's side of the token table: the strings and the green tokens
/// (with their trivia) of a Pre-AST file, each distinct one built once and
/// shared by every tree that holds it (green nodes are immutable and
/// position-free, so sharing is what the node cache does too). Each strings
/// or tokens section decodes on its own, so they are built on all cores.
/// </summary>
internal sealed class TokenTable
{
    private readonly SyntaxKind[] _kinds;
    private GreenNode[] _triviaNodes = [];

    public TokenTable(string[] strings, SyntaxKind[] kinds, int tokenCount)
    {
        Strings = strings;
        _kinds = kinds;
        Tokens = new GreenToken[tokenCount];
    }

    public string[] Strings { get; }

    public GreenToken[] Tokens { get; }

    /// <summary>One strings section: its count, the UTF-8 lengths, then the texts.</summary>
    public static string[] ReadStrings(ReadOnlySpan<byte> section)
    {
        var reader = new ByteReader(section);
        var strings = new string[reader.Count()];
        var text = 0L;
        for (var i = 0; i < strings.Length; i++) text += reader.Varint();
        if (text != reader.Remaining) throw new InvalidDataException("string section size differs from its strings' lengths");
        var lengths = new ByteReader(section);
        lengths.Varint();
        var texts = section[reader.Position..];
        var start = 0;
        for (var i = 0; i < strings.Length; i++)
        {
            var length = lengths.Varint();
            strings[i] = Encoding.UTF8.GetString(texts.Slice(start, length));
            start += length;
        }
        return strings;
    }

    /// <summary>The trivia and the trivia nodes (single trivia or lists) tokens refer to.</summary>
    public void ReadTrivia(ReadOnlySpan<byte> section, int triviaCount, int nodeCount)
    {
        if ((long)triviaCount + nodeCount > section.Length) throw new InvalidDataException("more trivia than bytes");
        var reader = new ByteReader(section);
        var trivia = new GreenTrivia[triviaCount];
        for (var i = 0; i < trivia.Length; i++)
        {
            var kind = _kinds[reader.Index(_kinds.Length, "kind")];
            if (!SyntaxFacts.IsTrivia(kind)) throw new InvalidDataException($"trivia of kind {kind}");
            trivia[i] = new GreenTrivia(kind, Strings[reader.Index(Strings.Length, "string")]);
        }
        _triviaNodes = new GreenNode[nodeCount];
        for (var i = 0; i < _triviaNodes.Length; i++)
        {
            var pieces = reader.Count();
            if (pieces == 0) throw new InvalidDataException("empty trivia list");
            if (pieces == 1)
            {
                _triviaNodes[i] = trivia[reader.Index(trivia.Length, "trivia")];
                continue;
            }
            var list = new GreenNode?[pieces];
            for (var p = 0; p < pieces; p++) list[p] = trivia[reader.Index(trivia.Length, "trivia")];
            _triviaNodes[i] = new GreenInternalNode(SyntaxKind.List, list);
        }
        reader.ExpectEnd("trivia");
    }

    /// <summary>One tokens section, which holds the tokens from <paramref name="first"/> on.</summary>
    public void ReadTokens(ReadOnlySpan<byte> section, int first)
    {
        var reader = new ByteReader(section);
        var count = reader.Count();
        // Sections are full but the last, so each knows where its tokens go without waiting for the others.
        if (count != Math.Min(PreAstFormat.TokensPerSection, Tokens.Length - first)) throw new InvalidDataException($"a tokens section of {count} tokens");
        for (var i = first; i < first + count; i++)
        {
            var kind = _kinds[reader.Index(_kinds.Length, "kind")];
            if (!SyntaxFacts.IsToken(kind)) throw new InvalidDataException($"token of kind {kind}");
            var text = Strings[reader.Index(Strings.Length, "string")];
            var leading = reader.Index(_triviaNodes.Length + 1, "trivia list");
            var trailing = reader.Index(_triviaNodes.Length + 1, "trivia list");
            Tokens[i] = new GreenToken(kind, text, leading == 0 ? null : _triviaNodes[leading - 1], trailing == 0 ? null : _triviaNodes[trailing - 1]);
        }
        reader.ExpectEnd("tokens");
    }
}
