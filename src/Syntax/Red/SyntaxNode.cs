using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Syntax.Red;

/// <summary>
/// The red half of the tree: a green node seen at a position, with a parent.
/// Children are made lazily on first access and published once, so a walk
/// over part of a big file only builds the nodes it visits.
/// </summary>
public sealed class SyntaxNode
{
    private SyntaxNode?[]? _children;
    private int[]? _slotOffsets;

    internal SyntaxNode(GreenNode green, SyntaxNode? parent, int position, SyntaxTree? tree)
    {
        Green = green;
        Parent = parent;
        Position = position;
        Tree = tree ?? parent?.Tree;
    }

    public GreenNode Green { get; }

    public SyntaxNode? Parent { get; }

    public SyntaxTree? Tree { get; }

    /// <summary>Absolute offset of this node's full text (leading trivia included).</summary>
    public int Position { get; }

    public SyntaxKind Kind => Green.Kind;

    public TextSpan FullSpan => new(Position, Green.FullWidth);

    public int SlotCount => Green.SlotCount;

    /// <summary>A child node or token; the default value for an absent slot.</summary>
    public SyntaxNodeOrToken ChildAt(int index)
    {
        var slot = Green.GetSlot(index);
        if (slot is null) return default;
        var position = Position + SlotOffset(index);
        if (slot.IsToken) return new SyntaxToken(this, (GreenToken)slot, position);
        _children ??= new SyntaxNode?[Green.SlotCount];
        var child = _children[index];
        if (child is null)
        {
            Interlocked.CompareExchange(ref _children[index], new SyntaxNode(slot, this, position, null), null);
            child = _children[index]!;
        }
        return child;
    }

    /// <summary>
    /// The offset of a slot from this node's start. Wide nodes (a translation
    /// unit's thousands of declarations) compute all offsets once, so walking
    /// their children is linear, not quadratic.
    /// </summary>
    private int SlotOffset(int index)
    {
        if (index < 8)
        {
            var offset = 0;
            for (var i = 0; i < index; i++) offset += Green.GetSlot(i)?.FullWidth ?? 0;
            return offset;
        }
        if (_slotOffsets is null)
        {
            var offsets = new int[Green.SlotCount];
            for (int i = 0, offset = 0; i < offsets.Length; i++)
            {
                offsets[i] = offset;
                offset += Green.GetSlot(i)?.FullWidth ?? 0;
            }
            Interlocked.CompareExchange(ref _slotOffsets, offsets, null);
        }
        return _slotOffsets[index];
    }

    public IEnumerable<SyntaxNodeOrToken> ChildNodesAndTokens()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            var child = ChildAt(i);
            if (!child.IsNone) yield return child;
        }
    }

    public IEnumerable<SyntaxNode> ChildNodes()
    {
        foreach (var child in ChildNodesAndTokens())
        {
            if (child.AsNode() is { } node) yield return node;
        }
    }

    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        foreach (var child in ChildNodesAndTokens())
        {
            if (child.AsToken() is { } token) yield return token;
            else foreach (var inner in child.AsNode()!.DescendantTokens()) yield return inner;
        }
    }

    /// <summary>Every diagnostic in this subtree, with absolute locations.</summary>
    public IEnumerable<Diagnostic> GetDiagnostics()
    {
        var results = new List<Diagnostic>();
        Collect(Green, Position, results);
        return results;
    }

    private void Collect(GreenNode green, int position, List<Diagnostic> results)
    {
        if (!green.ContainsDiagnostics) return;
        foreach (var info in green.Diagnostics)
        {
            var location = Tree?.Text.GetLocation(position + info.RelativeOffset);
            results.Add(new Diagnostic(info.Descriptor, info.Message, location));
        }
        var offset = position;
        for (var i = 0; i < green.SlotCount; i++)
        {
            var slot = green.GetSlot(i);
            if (slot is null) continue;
            Collect(slot, offset, results);
            offset += slot.FullWidth;
        }
    }

    public string ToFullString() => Green.ToFullString();

    public override string ToString() => ToFullString();
}
