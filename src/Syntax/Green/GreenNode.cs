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

    protected GreenNode(SyntaxKind kind, int fullWidth, DiagnosticInfo[]? diagnostics)
    {
        Kind = kind;
        FullWidth = fullWidth;
        _diagnostics = diagnostics is { Length: > 0 } ? diagnostics : null;
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
    public abstract bool ContainsDiagnostics { get; }

    public virtual GreenNode? GetSlot(int index) => null;

    public abstract void WriteTo(StringBuilder builder);

    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
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
