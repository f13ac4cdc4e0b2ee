using System.Diagnostics;
using System.Runtime.InteropServices;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// The recursive-descent parser behind <see cref="CParser"/>: one instance per
/// parse. This part holds the token cursor, diagnostics and node building; the
/// grammar is spread over the other parts by C11 clause. The grammar follows
/// gcc's c-parser.cc, including how it settles the typedef-name ambiguity.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>The tokens as given (end-of-file tokens with no text before the end dropped), the first <see cref="_count"/> of the array; never written to but by a lazy input's source. Read through <see cref="InputAt"/>.</summary>
    private readonly GreenToken[] _input;
    private readonly int _count;
    private readonly int _last;
    private readonly GreenNodeCache _cache;
    private readonly TypedefScopes _scopes;
    private readonly int _maxNesting;
    private readonly Stack<List<GreenNode>> _listPool = new();

    /// <summary>Tokens the parser reported on, by index: copies of the input tokens carrying the diagnostics.</summary>
    private Dictionary<int, GreenToken>? _reported;

    private int _position;
    private int _depth;
    private int _lastErrorPosition = -1;

    /// <summary>The furthest token index looked at (for reuse: what a declaration's parse depended on).</summary>
    private int _furthest;

    /// <summary>The largest token index a diagnostic was put on.</summary>
    private int _furthestReport = -1;

    /// <summary>
    /// Set when nesting got too deep: until the file-scope loop recovers, every
    /// lookahead reads as the end of input, so the constructs on the stack
    /// unwind without consuming or reporting anything more.
    /// </summary>
    private bool _unwinding;

    /// <summary>A parser over <paramref name="tokens"/>; with <paramref name="reuse"/>, as its parse number <paramref name="parseNumber"/>.</summary>
    public Parser(IReadOnlyList<GreenToken> tokens, GreenNodeCache cache, CParserOptions options, ReusableDeclarations? reuse = null, int parseNumber = 1)
        : this(Normalized(tokens, cache), cache, options, reuse, parseNumber)
    {
    }

    /// <summary>A parser over input already in the parser's shape (see <see cref="ParserTokens"/>).</summary>
    public Parser(ParserTokens tokens, GreenNodeCache cache, CParserOptions options, ReusableDeclarations? reuse = null, int parseNumber = 1)
    {
        _cache = cache;
        _scopes = new TypedefScopes(options.PredefinedTypedefNames, reuse?.Names ?? new FileScopeNames(), parseNumber);
        _parseNumber = parseNumber;
        _maxNesting = Math.Max(1, options.MaxNesting);
        _input = tokens.Buffer;
        _count = tokens.Count;
        _last = _count - 1;
        _source = tokens.Source;
        if (_source is null) _readyEnd = _count;
        else _filled = new bool[(_last + PageSize - 1) >> PageBits];
        _reuse = reuse;
        InputVersion = tokens.Version;
        // Stretches of the previous input count only when that input was the last parse's with this reuse.
        if (reuse?.LastVersion is { } last && tokens.Repeats is { } repeats && ReferenceEquals(repeats.Previous, last)) _repeats = repeats;
    }

    private static ParserTokens Normalized(IReadOnlyList<GreenToken> tokens, GreenNodeCache cache)
    {
        var array = Normalize(tokens, cache);
        return new ParserTokens(array, array.Length);
    }

    /// <summary>
    /// The input as an array ending with one end-of-file token. An end-of-file
    /// token with no text before the end (streams glued together) carries
    /// nothing and is dropped; one with trivia is kept and parsed as an
    /// unexpected token, so no text is lost. An array already in that shape is
    /// used as it is (the parser never writes to it), which spares copying a
    /// million references on a kernel unit.
    /// </summary>
    private static GreenToken[] Normalize(IReadOnlyList<GreenToken> tokens, GreenNodeCache cache)
    {
        if (tokens is GreenToken[] array && IsNormal(array)) return array;
        var count = tokens.Count;
        var endsWithEof = count > 0 && tokens[count - 1].Kind == SyntaxKind.EndOfFileToken;
        var kept = new List<GreenToken>(count + 1);
        for (var i = 0; i < count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SyntaxKind.EndOfFileToken && i < count - 1 && token.FullWidth == 0) continue;
            kept.Add(token);
        }
        if (!endsWithEof) kept.Add(cache.Token(SyntaxKind.EndOfFileToken, "", null, null));
        return [.. kept];
    }

    private static bool IsNormal(GreenToken[] tokens)
    {
        if (tokens.Length == 0 || tokens[^1].Kind != SyntaxKind.EndOfFileToken) return false;
        for (var i = 0; i < tokens.Length - 1; i++)
        {
            if (tokens[i] is { Kind: SyntaxKind.EndOfFileToken, FullWidth: 0 }) return false;
        }
        return true;
    }

    // ---- Token cursor -------------------------------------------------------

    private bool AtEnd => _position >= _last || _unwinding;

    /// <summary>The kind of the token at <paramref name="index"/>; an end-of-file token before the end reads as an ordinary stray token.</summary>
    private SyntaxKind KindAt(int index)
    {
        if (_unwinding) return SyntaxKind.EndOfFileToken;
        if (index >= _last)
        {
            _furthest = _last;
            return SyntaxKind.EndOfFileToken;
        }
        if (index > _furthest) _furthest = index;
        var kind = InputAt(index).Kind;
        return kind == SyntaxKind.EndOfFileToken ? SyntaxKind.OtherToken : kind;
    }

    private SyntaxKind CurrentKind => KindAt(_position);

    private SyntaxKind PeekKind(int offset) => KindAt(_position + offset);

    private CKeyword KeywordAt(int index)
    {
        if (index >= _last || _unwinding) return CKeyword.None;
        if (index > _furthest) _furthest = index;
        var token = InputAt(index);
        return token.Kind == SyntaxKind.IdentifierToken ? token.Keyword : CKeyword.None;
    }

    private CKeyword CurrentKeyword => KeywordAt(_position);

    /// <summary>An identifier that is not a keyword: a name for a variable, tag, member, typedef...</summary>
    private bool IsNameAt(int index) => KindAt(index) == SyntaxKind.IdentifierToken && KeywordAt(index) == CKeyword.None;

    private bool IsTypedefNameAt(int index) => IsNameAt(index) && _scopes.IsTypedefName(InputAt(index).Name);

    private string NameAt(int index) => InputAt(index).Name;

    /// <summary>The token at <paramref name="index"/> as the tree takes it: with any diagnostic the parser put on it.</summary>
    private GreenToken TokenAt(int index) =>
        _reported is not null && _reported.TryGetValue(index, out var reported) ? reported : InputAt(index);

    private GreenToken EatToken()
    {
        Debug.Assert(!AtEnd, "the parser must not consume the end-of-file token, nor anything while unwinding");
        var token = TokenAt(_position);
        if (_position < _last) _position++;
        return token;
    }

    private GreenToken? TryEat(SyntaxKind kind) => CurrentKind == kind ? EatToken() : null;

    /// <summary>The expected token, or null after reporting "expected <paramref name="what"/>".</summary>
    private GreenToken? Expect(SyntaxKind kind, string what)
    {
        if (CurrentKind == kind) return EatToken();
        ReportExpected(what);
        return null;
    }

    private GreenToken? ExpectName()
    {
        if (IsNameAt(_position)) return EatToken();
        ReportExpected("identifier");
        return null;
    }

    // ---- Diagnostics ----------------------------------------------------------

    /// <summary>
    /// Puts a diagnostic on a token not yet consumed (so the node that takes the
    /// token carries it). Like gcc after an error, at most one error is
    /// reported per token, which silences the cascade of "expected" errors
    /// from every construct that an error unwinds through.
    /// </summary>
    private void ReportAt(int index, DiagnosticDescriptor descriptor, params string[] args)
    {
        if (descriptor.Severity == DiagnosticSeverity.Error)
        {
            if (index == _lastErrorPosition) return;
            _lastErrorPosition = index;
        }
        var token = TokenAt(index);
        var info = new DiagnosticInfo(descriptor, token.LeadingWidth, token.Width, new ImmutableArrayOfArgs(args));
        DiagnosticInfo[] diagnostics = [.. token.Diagnostics, info];
        (_reported ??= [])[index] = new GreenToken(token.Kind, token.Text, token.LeadingTrivia, token.TrailingTrivia, diagnostics);
        if (index > _furthestReport) _furthestReport = index;
    }

    private void ReportExpected(string what) => ReportAt(_position, ParserDiagnostics.Expected, what, Describe(_position));

    /// <summary>Where gcc says the error is: "before 'x'", "before ';' token", "before numeric constant", "at end of input".</summary>
    private string Describe(int index) => KindAt(index) switch
    {
        SyntaxKind.EndOfFileToken => "at end of input",
        SyntaxKind.IdentifierToken => $"before '{NameAt(index)}'",
        SyntaxKind.PPNumberToken => "before numeric constant",
        SyntaxKind.StringLiteralToken => "before string constant",
        SyntaxKind.CharacterLiteralToken => "before character constant",
        var kind when SyntaxFacts.IsPunctuator(kind) => $"before '{SyntaxFacts.PunctuatorText(kind)}' token",
        _ => $"before '{InputAt(index).Text}'",
    };

    // ---- Nesting guard --------------------------------------------------------

    /// <summary>Enters one level of recursion, or reports that nesting is too deep and refuses.</summary>
    private bool TryEnter()
    {
        if (!CheckDepth()) return false;
        _depth += CParserOptions.ChainNodesPerLevel;
        return true;
    }

    private bool CheckDepth()
    {
        if (_unwinding) return false;
        if (_depth < _maxNesting * CParserOptions.ChainNodesPerLevel) return true;
        ReportAt(_position, SyntaxDiagnostics.NestingTooDeep, _maxNesting.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _unwinding = true;
        return false;
    }

    private void Leave() => _depth -= CParserOptions.ChainNodesPerLevel;

    /// <summary>Counts one more node of a left-nested chain (each adds a tree level without recursing).</summary>
    private bool ExtendChain(ref int chainLength)
    {
        if (!CheckDepth()) return false;
        chainLength++;
        _depth++;
        return true;
    }

    private void EndChain(int chainLength) => _depth -= chainLength;

    // ---- Node building ---------------------------------------------------------

    /// <summary>A node; small ones with every slot present come from the cache, shared.</summary>
    private GreenNode Node(SyntaxKind kind, params ReadOnlySpan<GreenNode?> slots)
    {
        foreach (var slot in slots)
        {
            if (slot is null) return GreenNode.Create(kind, slots);
        }
        return _cache.Node(kind, slots!);
    }

    private List<GreenNode> RentList() => _listPool.Count > 0 ? _listPool.Pop() : [];

    /// <summary>A <see cref="SyntaxKind.List"/> of the items (null when empty); returns the builder to the pool.</summary>
    private GreenNode? ToList(List<GreenNode> items) => ToNode(SyntaxKind.List, items);

    /// <summary>A node whose slots are the items (null when empty); returns the builder to the pool.</summary>
    private GreenNode? ToNode(SyntaxKind kind, List<GreenNode> items)
    {
        var node = items.Count == 0 ? null : _cache.Node(kind, CollectionsMarshal.AsSpan(items));
        items.Clear();
        _listPool.Push(items);
        return node;
    }

    /// <summary>A copy of a built node with an error at the start of its first token's text (for errors found only after the node's tokens were taken).</summary>
    private GreenNode WithDiagnosticAtStart(GreenNode node, DiagnosticDescriptor descriptor, params string[] args)
    {
        var first = node;
        while (first is not GreenToken && first.SlotCount > 0)
        {
            var next = first;
            for (var i = 0; i < first.SlotCount; i++)
            {
                if (first.GetSlot(i) is { FullWidth: > 0 } slot)
                {
                    next = slot;
                    break;
                }
            }
            if (ReferenceEquals(next, first)) break;
            first = next;
        }
        var offset = first is GreenToken token ? token.LeadingWidth : 0;
        var slots = new GreenNode?[node.SlotCount];
        for (var i = 0; i < slots.Length; i++) slots[i] = node.GetSlot(i);
        DiagnosticInfo[] diagnostics = [.. node.Diagnostics, new DiagnosticInfo(descriptor, offset, 0, new ImmutableArrayOfArgs(args))];
        return new GreenInternalNode(node.Kind, slots, diagnostics);
    }

    private static GreenNode ErrorExpression() => new GreenInternalNode(SyntaxKind.ErrorExpression, []);
}
