using System.Text;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Syntax.Green;

/// <summary>A node with children (slots); a slot may be null for an absent optional part.</summary>
public sealed class GreenInternalNode : GreenNode
{
    private readonly GreenNode?[] _slots;

    public GreenInternalNode(SyntaxKind kind, GreenNode?[] slots, DiagnosticInfo[]? diagnostics = null)
        : base(kind, SumWidths(slots), diagnostics)
    {
        _slots = slots;
        if (AnyChildContainsDiagnostics(slots)) MarkContainsDiagnostics();
    }

    /// <summary>
    /// A node over <paramref name="slots"/> whose full width and "a child
    /// carries a diagnostic" the caller already knows (summed as the slots
    /// were gathered): a translation unit's list is some 20,000 declarations,
    /// most taken whole from earlier parses in blocks that know their sums,
    /// so reading every child once more costs a cache miss each.
    /// </summary>
    internal GreenInternalNode(SyntaxKind kind, GreenNode?[] slots, int fullWidth, bool childContainsDiagnostics)
        : base(kind, fullWidth, null)
    {
        _slots = slots;
        if (childContainsDiagnostics) MarkContainsDiagnostics();
    }

    public override int SlotCount => _slots.Length;

    public override GreenNode? GetSlot(int index) => _slots[index];

    internal ReadOnlySpan<GreenNode?> Slots => _slots;

    public override void WriteTo(StringBuilder builder)
    {
        // Iterative on the spine of deep lists would be nicer, but directive
        // trees are shallow: depth is bounded by #if nesting, which the parser limits.
        foreach (var slot in _slots) slot?.WriteTo(builder);
    }

    private static int SumWidths(GreenNode?[] slots)
    {
        var width = 0;
        foreach (var slot in slots) width += slot?.FullWidth ?? 0;
        return width;
    }

    private static bool AnyChildContainsDiagnostics(GreenNode?[] slots)
    {
        foreach (var slot in slots)
        {
            if (slot is { ContainsDiagnostics: true }) return true;
        }
        return false;
    }
}
