using System.Text;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Syntax.Green;

/// <summary>
/// The immutable, position-free half of the red/green tree: a kind, a full
/// width (the text it spans, trivia included) and children. A green node knows
/// neither its parent nor its position, so one node can be shared by many trees
/// and by many parses of equal text (see <see cref="GreenNodeCache"/>).
/// Invariant: a node's full width is the sum of its children's, and
/// <see cref="ToFullString"/> reproduces the exact source text it was made from.
/// </summary>
public abstract class GreenNode
{
    private readonly DiagnosticInfo[]? _diagnostics;

    /// <summary>Facts kept in what would otherwise be padding: reading a field beats a virtual call on every child of every node built.</summary>
    private GreenNodeFlags _flags;

    protected GreenNode(SyntaxKind kind, int fullWidth, DiagnosticInfo[]? diagnostics)
    {
        Kind = kind;
        FullWidth = fullWidth;
        _diagnostics = diagnostics is { Length: > 0 } ? diagnostics : null;
        if (_diagnostics is not null) _flags = GreenNodeFlags.ContainsDiagnostics;
    }

    public SyntaxKind Kind { get; }

    public int FullWidth { get; }

    public virtual int SlotCount => 0;

    public virtual bool IsToken => false;

    public virtual bool IsTrivia => false;

    /// <summary>Diagnostics on this node itself (not its children), offsets relative to this node's full text.</summary>
    public ReadOnlySpan<DiagnosticInfo> Diagnostics => _diagnostics;

    public bool HasDiagnostics => _diagnostics is not null;

    /// <summary>True when this node or any node below it carries a diagnostic.</summary>
    public bool ContainsDiagnostics => (_flags & GreenNodeFlags.ContainsDiagnostics) != 0;

    /// <summary>This object is the one a <see cref="GreenNodeCache"/> hands out for its content, so a parent made of such children may be cached too.</summary>
    internal bool IsCached => (_flags & GreenNodeFlags.Cached) != 0;

    internal void MarkCached() => _flags |= GreenNodeFlags.Cached;

    /// <summary>For a node being built: a child carries a diagnostic.</summary>
    private protected void MarkContainsDiagnostics() => _flags |= GreenNodeFlags.ContainsDiagnostics;

    /// <summary>
    /// An internal node with these slots: small ones keep their slots in
    /// fields (no array: most nodes of a C tree have one to three slots),
    /// others in an array.
    /// </summary>
    internal static GreenNode Create(SyntaxKind kind, ReadOnlySpan<GreenNode?> slots) => slots.Length switch
    {
        1 => new GreenNode1(kind, slots[0]),
        2 => new GreenNode2(kind, slots[0], slots[1]),
        3 => new GreenNode3(kind, slots[0], slots[1], slots[2]),
        _ => new GreenInternalNode(kind, slots.ToArray()),
    };

    public virtual GreenNode? GetSlot(int index) => null;

    public abstract void WriteTo(StringBuilder builder);

    /// <summary>
    /// The node's text, trivia included. Written straight into the string, by
    /// an explicit walk: a kernel unit's tree is a million tokens, and a string
    /// builder's chunks would be as much garbage again as the text.
    /// </summary>
    public string ToFullString() => FullWidth == 0 ? "" : string.Create(FullWidth, this, static (span, root) => root.CopyTo(span));

    private void CopyTo(Span<char> destination)
    {
        var at = 0;
        var pending = new Stack<GreenNode>();
        pending.Push(this);
        while (pending.TryPop(out var node))
        {
            switch (node)
            {
                case GreenTrivia trivia:
                    trivia.Text.CopyTo(destination[at..]);
                    at += trivia.Text.Length;
                    break;
                case GreenToken token:
                    // Trivia is a piece or a flat list of pieces, so a token is written in order here.
                    at = CopyTrivia(token.LeadingTrivia, destination, at);
                    token.Text.CopyTo(destination[at..]);
                    at += token.Text.Length;
                    at = CopyTrivia(token.TrailingTrivia, destination, at);
                    break;
                default:
                    for (var i = node.SlotCount - 1; i >= 0; i--)
                    {
                        if (node.GetSlot(i) is { FullWidth: > 0 } slot) pending.Push(slot);
                    }
                    break;
            }
        }
    }

    private static int CopyTrivia(GreenNode? trivia, Span<char> destination, int at)
    {
        if (trivia is null) return at;
        if (trivia is GreenTrivia piece)
        {
            piece.Text.CopyTo(destination[at..]);
            return at + piece.Text.Length;
        }
        for (var i = 0; i < trivia.SlotCount; i++) at = CopyTrivia(trivia.GetSlot(i), destination, at);
        return at;
    }

    /// <summary>Structural equality: same kinds, same texts, same diagnostics, all the way down.</summary>
    public bool IsEquivalentTo(GreenNode? other)
    {
        if (ReferenceEquals(this, other)) return true;
        if (other is null || other.Kind != Kind || other.FullWidth != FullWidth || other.SlotCount != SlotCount) return false;
        if (!Diagnostics.SequenceEqual(other.Diagnostics)) return false;
        if (!EquivalentPayload(other)) return false;
        for (var i = 0; i < SlotCount; i++)
        {
            var mine = GetSlot(i);
            var theirs = other.GetSlot(i);
            if (mine is null ? theirs is not null : !mine.IsEquivalentTo(theirs)) return false;
        }
        return true;
    }

    /// <summary>Compares what a leaf holds besides its slots (a token's text, a trivia's text).</summary>
    protected virtual bool EquivalentPayload(GreenNode other) => true;

    public override string ToString() => ToFullString();
}
