using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// A typed view of a red node of one of the C declaration kinds: named
/// accessors over the node's slots, documented per class. Views are cheap
/// wrappers made on demand (<see cref="CSyntax.Wrap"/>); the red node is the identity.
/// </summary>
public abstract class CSyntaxNode
{
    private protected CSyntaxNode(SyntaxNode node)
    {
        Node = node;
    }

    public SyntaxNode Node { get; }

    public SyntaxKind Kind => Node.Kind;

    private protected SyntaxToken? TokenAt(int slot) => Node.ChildAt(slot).AsToken();

    private protected SyntaxNode? NodeAt(int slot) => Node.ChildAt(slot).AsNode();

    /// <summary>The slot's node as <typeparamref name="T"/>, or null when absent or of another kind.</summary>
    private protected T? Get<T>(int slot) where T : CSyntaxNode => NodeAt(slot) is { } node ? CSyntax.Wrap(node) as T : null;

    private protected SyntaxNodeList<T> ListAt<T>(int slot) where T : CSyntaxNode => new(NodeAt(slot));

    public override string ToString() => Node.ToString();
}
