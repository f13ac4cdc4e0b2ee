using System.Runtime.InteropServices;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// The writer's side of the token table: every distinct token of the Pre-AST
/// (kind, text, leading and trailing trivia) once, with the strings and trivia
/// it is made of, so a loader builds each distinct token once instead of
/// lexing it wherever it occurs. Tokens are counted as they are added; the
/// table is written most used first, so common tokens get one-byte indices.
/// </summary>
internal sealed class TokenTableWriter
{
    private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<SyntaxKind, int> _kinds = [];
    private readonly Dictionary<(int Kind, int Text), int> _trivia = [];
    private readonly Dictionary<GreenNode, int> _triviaNodesSeen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int[], int> _triviaNodes = new(SequenceComparer.Instance);
    private readonly Dictionary<GreenToken, int> _tokensSeen = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(int Kind, int Text, int Leading, int Trailing), int> _tokens = [];

    public List<string> Strings { get; } = [];

    public List<SyntaxKind> Kinds { get; } = [];

    public List<(int Kind, int Text)> Trivia { get; } = [];

    public List<int[]> TriviaNodes { get; } = [];

    public List<(int Kind, int Text, int Leading, int Trailing)> Tokens { get; } = [];

    public List<int> Uses { get; } = [];

    /// <summary>
    /// The token's provisional index (order of first use), or -1 when the table
    /// cannot hold it exactly: a token carrying lexer diagnostics (unterminated
    /// literal or comment), which the table does not store. Such a leaf is
    /// stored as text and lexed again on load. Uses are counted by <see cref="Use"/>.
    /// </summary>
    public int IndexOf(GreenToken token)
    {
        if (_tokensSeen.TryGetValue(token, out var index)) return index;
        if (!Fits(token))
        {
            _tokensSeen.Add(token, -1);
            return -1;
        }
        var key = (Kind(token.Kind), String(token.Text), TriviaNode(token.LeadingTrivia), TriviaNode(token.TrailingTrivia));
        if (!_tokens.TryGetValue(key, out index))
        {
            index = Tokens.Count;
            Tokens.Add(key);
            Uses.Add(0);
            _tokens.Add(key, index);
        }
        _tokensSeen.Add(token, index);
        return index;
    }

    public void Use(int index) => CollectionsMarshal.AsSpan(Uses)[index]++;

    private static bool Fits(GreenToken token) =>
        !token.HasDiagnostics && TriviaFits(token.LeadingTrivia) && TriviaFits(token.TrailingTrivia);

    private static bool TriviaFits(GreenNode? trivia)
    {
        if (trivia is null or GreenTrivia) return true;
        if (trivia.Kind != SyntaxKind.List || trivia.SlotCount < 2 || trivia.HasDiagnostics) return false;
        for (var i = 0; i < trivia.SlotCount; i++)
        {
            if (trivia.GetSlot(i) is not GreenTrivia) return false;
        }
        return true;
    }

    public int String(string text)
    {
        if (_strings.TryGetValue(text, out var index)) return index;
        index = Strings.Count;
        Strings.Add(text);
        _strings.Add(text, index);
        return index;
    }

    /// <summary>New token indices, most used first (ties in order of first use, so the output is deterministic).</summary>
    public int[] OrderByUse()
    {
        var order = Enumerable.Range(0, Tokens.Count).ToArray();
        var uses = Uses.ToArray();
        Array.Sort(order, (a, b) => uses[a] != uses[b] ? uses[b].CompareTo(uses[a]) : a.CompareTo(b));
        var remap = new int[order.Length];
        for (var i = 0; i < order.Length; i++) remap[order[i]] = i;
        return remap;
    }

    private int Kind(SyntaxKind kind)
    {
        if (_kinds.TryGetValue(kind, out var index)) return index;
        index = Kinds.Count;
        Kinds.Add(kind);
        _kinds.Add(kind, index);
        return index;
    }

    /// <summary>0 for no trivia, else the trivia node's index + 1.</summary>
    private int TriviaNode(GreenNode? trivia)
    {
        if (trivia is null) return 0;
        if (_triviaNodesSeen.TryGetValue(trivia, out var index)) return index + 1;
        int[] pieces;
        if (trivia is GreenTrivia single)
        {
            pieces = [TriviaIndex(single)];
        }
        else
        {
            pieces = new int[trivia.SlotCount];
            for (var i = 0; i < pieces.Length; i++) pieces[i] = TriviaIndex((GreenTrivia)trivia.GetSlot(i)!);
        }
        if (!_triviaNodes.TryGetValue(pieces, out index))
        {
            index = TriviaNodes.Count;
            TriviaNodes.Add(pieces);
            _triviaNodes.Add(pieces, index);
        }
        _triviaNodesSeen.Add(trivia, index);
        return index + 1;
    }

    private int TriviaIndex(GreenTrivia trivia)
    {
        var key = (Kind(trivia.Kind), String(trivia.Text));
        if (_trivia.TryGetValue(key, out var index)) return index;
        index = Trivia.Count;
        Trivia.Add(key);
        _trivia.Add(key, index);
        return index;
    }

    private sealed class SequenceComparer : IEqualityComparer<int[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] pieces)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(pieces.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
