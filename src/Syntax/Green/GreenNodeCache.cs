using System.Runtime.CompilerServices;

namespace LayoutExpert.Syntax.Green;

/// <summary>
/// Deduplicates green tokens, trivia and small nodes so equal text yields the
/// same objects: one "struct" token with one trailing space serves every place
/// it occurs, which cuts memory on kernel headers and makes equal subtrees
/// compare by reference. Owned by whoever parses (one per build, shared across
/// the files of that build); never a global.
/// Only pieces without diagnostics and without comment trivia are cached:
/// comments are long and rarely repeat.
/// </summary>
public sealed class GreenNodeCache
{
    private const int MaxCachedTextLength = 64;
    private const int MaxCachedSlots = 3;

    // Sharded: a kernel unit fills these with tens of thousands of entries each (see ShardedDictionary).
    private readonly ShardedDictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<(SyntaxKind, string), GreenTrivia> _trivia = [];
    private readonly ShardedDictionary<TokenKey, GreenToken> _tokens = new();
    private readonly ShardedDictionary<NodeKey, GreenNode> _nodes = new();
    private readonly RecurringTokenTable _recurring = new();

    /// <summary>The one string instance for this text (short texts only; long ones are allocated as they come).</summary>
    public string Intern(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxCachedTextLength) return text.ToString();
        // A span hashes as the equal string does (string.GetHashCode), so both find the same shard.
        var hash = string.GetHashCode(text);
        if (_strings.ShardFor(hash) is { } shard && shard.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var existing)) return existing;
        var made = text.ToString();
        _strings.ShardForAdding(hash).Add(made, made);
        _strings.Added();
        return made;
    }

    /// <summary>The one string instance for this text; the first string seen for a text becomes that instance (no copy).</summary>
    public string Intern(string text)
    {
        if (text.Length > MaxCachedTextLength) return text;
        if (_strings.TryGetValue(text, out var existing)) return existing;
        _strings.Add(text, text);
        return text;
    }

    public GreenTrivia Trivia(SyntaxKind kind, ReadOnlySpan<char> text)
    {
        if (kind is SyntaxKind.BlockCommentTrivia or SyntaxKind.LineCommentTrivia || text.Length > MaxCachedTextLength)
        {
            return new GreenTrivia(kind, text.ToString());
        }
        var interned = Intern(text);
        if (_trivia.TryGetValue((kind, interned), out var trivia)) return trivia;
        trivia = new GreenTrivia(kind, interned);
        trivia.MarkCached();
        _trivia.Add((kind, interned), trivia);
        return trivia;
    }

    /// <summary>A token; <paramref name="text"/> should already be interned when short.</summary>
    public GreenToken Token(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing)
    {
        if (!IsCacheable(leading) || !IsCacheable(trailing) || text.Length > MaxCachedTextLength)
        {
            return new GreenToken(kind, text, leading, trailing);
        }
        var key = new TokenKey(kind, text, leading, trailing);
        if (_tokens.TryGetValue(key, out var token)) return token;
        token = new GreenToken(kind, text, leading, trailing);
        token.MarkCached();
        _tokens.Add(key, token);
        return token;
    }

    /// <summary>
    /// A token whose text object recurs from input to input, such as a
    /// preprocessor's token texts: found by that object first (no character
    /// read), and otherwise made with the text interned and cached whatever its
    /// length, so equal tokens of two runs are one object (what reusing
    /// declarations across parses compares). The cache keeps the text objects.
    /// </summary>
    public GreenToken RecurringToken(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing)
    {
        if (_recurring.Find(kind, text, leading, trailing) is { } found) return found;
        GreenToken token;
        if (text.Length <= MaxCachedTextLength)
        {
            token = Token(kind, Intern(text), leading, trailing);
        }
        else
        {
            if (!_strings.TryGetValue(text, out var interned)) _strings.Add(text, interned = text);
            if (!IsCacheable(leading) || !IsCacheable(trailing)) return new GreenToken(kind, interned, leading, trailing);
            var key = new TokenKey(kind, interned, leading, trailing);
            if (!_tokens.TryGetValue(key, out token!))
            {
                token = new GreenToken(kind, interned, leading, trailing);
                token.MarkCached();
                _tokens.Add(key, token);
            }
        }
        if (token.IsCached) _recurring.Add(text, token);
        return token;
    }

    /// <summary>A trivia list (or the single trivia itself when there is one).</summary>
    public GreenNode? TriviaList(ReadOnlySpan<GreenNode> pieces) => pieces.Length switch
    {
        0 => null,
        1 => pieces[0],
        _ => Node(SyntaxKind.List, pieces),
    };

    /// <summary>
    /// An internal node; small nodes whose children all came from this cache
    /// are shared. (A child the cache did not hand out can never come again,
    /// so a node over it could never be found: such nodes are not looked up.)
    /// </summary>
    public GreenNode Node(SyntaxKind kind, ReadOnlySpan<GreenNode> children)
    {
        if (children.Length > MaxCachedSlots || children.Length == 0)
        {
            return GreenNode.Create(kind, children);
        }
        foreach (var child in children)
        {
            if (!IsCacheable(child)) return GreenNode.Create(kind, children);
        }
        var key = new NodeKey(kind, children[0], children.Length > 1 ? children[1] : null, children.Length > 2 ? children[2] : null);
        if (_nodes.TryGetValue(key, out var node)) return node;
        node = GreenNode.Create(kind, children);
        node.MarkCached();
        _nodes.Add(key, node);
        return node;
    }

    private static bool IsCacheable(GreenNode? node) => node is null || (node.IsCached && node.FullWidth <= MaxCachedTextLength * 4);

    /// <summary>
    /// Keys compare their parts by reference: the parts are themselves interned,
    /// so reference equality is value equality. The hash is computed once (the
    /// sharded dictionaries ask twice).
    /// </summary>
    private readonly struct TokenKey(SyntaxKind kind, string text, GreenNode? leading, GreenNode? trailing) : IEquatable<TokenKey>
    {
        private readonly SyntaxKind _kind = kind;
        private readonly string _text = text;
        private readonly GreenNode? _leading = leading;
        private readonly GreenNode? _trailing = trailing;
        private readonly int _hash = HashCode.Combine(
            kind, RuntimeHelpers.GetHashCode(text), RuntimeHelpers.GetHashCode(leading), RuntimeHelpers.GetHashCode(trailing));

        public bool Equals(TokenKey other) =>
            _kind == other._kind && ReferenceEquals(_text, other._text)
            && ReferenceEquals(_leading, other._leading) && ReferenceEquals(_trailing, other._trailing);

        public override bool Equals(object? obj) => obj is TokenKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }

    private readonly struct NodeKey(SyntaxKind kind, GreenNode a, GreenNode? b, GreenNode? c) : IEquatable<NodeKey>
    {
        private readonly SyntaxKind _kind = kind;
        private readonly GreenNode _a = a;
        private readonly GreenNode? _b = b;
        private readonly GreenNode? _c = c;
        private readonly int _hash = HashCode.Combine(kind, RuntimeHelpers.GetHashCode(a), RuntimeHelpers.GetHashCode(b), RuntimeHelpers.GetHashCode(c));

        public bool Equals(NodeKey other) =>
            _kind == other._kind && ReferenceEquals(_a, other._a) && ReferenceEquals(_b, other._b) && ReferenceEquals(_c, other._c);

        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

        public override int GetHashCode() => _hash;
    }
}
