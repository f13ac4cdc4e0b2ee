namespace LayoutExpert.Syntax.Red;

/// <summary>A child of a node: either a node or a token (or nothing, for an absent slot).</summary>
public readonly struct SyntaxNodeOrToken
{
    private readonly SyntaxNode? _node;
    private readonly SyntaxToken _token;

    private SyntaxNodeOrToken(SyntaxNode? node, SyntaxToken token)
    {
        _node = node;
        _token = token;
    }

    public bool IsNone => _node is null && _token.Green is null;

    public bool IsToken => _token.Green is not null;

    public SyntaxKind Kind => _node?.Kind ?? _token.Kind;

    public SyntaxNode? AsNode() => _node;

    public SyntaxToken? AsToken() => IsToken ? _token : null;

    public static implicit operator SyntaxNodeOrToken(SyntaxNode node) => new(node, default);

    public static implicit operator SyntaxNodeOrToken(SyntaxToken token) => new(null, token);

    public override string ToString() => _node?.ToFullString() ?? _token.Green?.ToFullString() ?? "";
}
