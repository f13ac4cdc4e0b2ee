using System.Text;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The loader's side of the token table: the strings and the green tokens
/// (with their trivia) of a Pre-AST file, each distinct one built once and
/// shared by every tree that holds it (green nodes are immutable and
/// position-free, so sharing is what the node cache does too). Strings and
/// tokens are built on all cores in slices.
/// </summary>
internal sealed class TokenTable
{
    private const int Slice = 8192;

    private TokenTable(string[] strings, GreenToken[] tokens)
    {
        Strings = strings;
        Tokens = tokens;
    }

    public string[] Strings { get; }

    public GreenToken[] Tokens { get; }

    public sealed record Counts(int Strings, int Trivia, int TriviaNodes, int Tokens);

    public static TokenTable Read(ReadOnlyMemory<byte> stringSection, ReadOnlyMemory<byte> tokenSection, SyntaxKind[] kinds, Counts counts)
    {
        // Every entry takes at least a byte: a count beyond its section's size is corrupt, and is never allocated.
        if (counts.Strings > stringSection.Length || (long)counts.Trivia + counts.TriviaNodes + counts.Tokens > tokenSection.Length)
        {
            throw new InvalidDataException("table counts larger than their sections");
        }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var strings = ReadStrings(stringSection, counts.Strings);
        PreAstReader.T($"strings {counts.Strings}", sw);
        var t = new TokenTable(strings, ReadTokens(tokenSection.Span, strings, kinds, counts));
        PreAstReader.T($"tokens {counts.Tokens} trivia {counts.Trivia} nodes {counts.TriviaNodes}", sw);
        return t;
    }

    private static string[] ReadStrings(ReadOnlyMemory<byte> section, int count)
    {
        var reader = new ByteReader(section.Span);
        var starts = new int[count + 1];
        for (var i = 0; i < count; i++)
        {
            var length = reader.Varint();
            if (length > reader.Remaining) throw new InvalidDataException("string longer than the string section");
            starts[i + 1] = starts[i] + length;
            if (starts[i + 1] > reader.Remaining) throw new InvalidDataException("strings beyond the end of the string section");
        }
        var textStart = reader.Position;
        if (section.Length - textStart != starts[count]) throw new InvalidDataException("string section size differs from its strings' lengths");
        var strings = new string[count];
        Parallel.For(0, (count + Slice - 1) / Slice, slice =>
        {
            var texts = section.Span[textStart..];
            for (var i = slice * Slice; i < Math.Min(count, (slice + 1) * Slice); i++)
            {
                strings[i] = Encoding.UTF8.GetString(texts[starts[i]..starts[i + 1]]);
            }
        });
        return strings;
    }

    private static GreenToken[] ReadTokens(ReadOnlySpan<byte> section, string[] strings, SyntaxKind[] kinds, Counts counts)
    {
        var reader = new ByteReader(section);
        var trivia = new GreenTrivia[counts.Trivia];
        for (var i = 0; i < trivia.Length; i++)
        {
            var kind = kinds[reader.Index(kinds.Length, "kind")];
            if (!SyntaxFacts.IsTrivia(kind)) throw new InvalidDataException($"trivia of kind {kind}");
            trivia[i] = new GreenTrivia(kind, strings[reader.Index(strings.Length, "string")]);
        }
        var nodes = new GreenNode[counts.TriviaNodes];
        for (var i = 0; i < nodes.Length; i++)
        {
            var pieces = reader.Count();
            if (pieces == 0) throw new InvalidDataException("empty trivia list");
            if (pieces == 1)
            {
                nodes[i] = trivia[reader.Index(trivia.Length, "trivia")];
                continue;
            }
            var list = new GreenNode?[pieces];
            for (var p = 0; p < pieces; p++) list[p] = trivia[reader.Index(trivia.Length, "trivia")];
            nodes[i] = new GreenInternalNode(SyntaxKind.List, list);
        }
        // Read the entries in order (varints have no fixed size), then build the tokens on all cores.
        var entries = new (SyntaxKind Kind, int Text, int Leading, int Trailing)[counts.Tokens];
        for (var i = 0; i < entries.Length; i++)
        {
            var kind = kinds[reader.Index(kinds.Length, "kind")];
            if (!SyntaxFacts.IsToken(kind)) throw new InvalidDataException($"token of kind {kind}");
            entries[i] = (kind, reader.Index(strings.Length, "string"),
                reader.Index(nodes.Length + 1, "trivia list"), reader.Index(nodes.Length + 1, "trivia list"));
        }
        reader.ExpectEnd("token");
        var tokens = new GreenToken[entries.Length];
        Parallel.For(0, (entries.Length + Slice - 1) / Slice, slice =>
        {
            for (var i = slice * Slice; i < Math.Min(entries.Length, (slice + 1) * Slice); i++)
            {
                var (kind, text, leading, trailing) = entries[i];
                tokens[i] = new GreenToken(kind, strings[text], leading == 0 ? null : nodes[leading - 1], trailing == 0 ? null : nodes[trailing - 1]);
            }
        });
        return tokens;
    }
}
