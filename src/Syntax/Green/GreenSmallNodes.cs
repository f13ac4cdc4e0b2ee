using System.Text;

namespace LayoutExpert.Syntax.Green;

// Internal nodes of one, two and three slots, which are most nodes of a C
// declaration tree (identifier declarators, names, literals, pointers, short
// lists): the slots live in fields, saving an array object per node. They
// carry no diagnostics of their own; a node with diagnostics is a
// GreenInternalNode. A slot may be null for an absent optional part.

internal sealed class GreenNode1 : GreenNode
{
    private readonly GreenNode? _0;

    public GreenNode1(SyntaxKind kind, GreenNode? slot0)
        : base(kind, slot0?.FullWidth ?? 0, null)
    {
        _0 = slot0;
        if (slot0 is { ContainsDiagnostics: true }) MarkContainsDiagnostics();
    }

    public override int SlotCount => 1;

    public override GreenNode? GetSlot(int index) => index == 0 ? _0 : throw new ArgumentOutOfRangeException(nameof(index));

    public override void WriteTo(StringBuilder builder) => _0?.WriteTo(builder);
}

internal sealed class GreenNode2 : GreenNode
{
    private readonly GreenNode? _0;
    private readonly GreenNode? _1;

    public GreenNode2(SyntaxKind kind, GreenNode? slot0, GreenNode? slot1)
        : base(kind, (slot0?.FullWidth ?? 0) + (slot1?.FullWidth ?? 0), null)
    {
        _0 = slot0;
        _1 = slot1;
        if (slot0 is { ContainsDiagnostics: true } || slot1 is { ContainsDiagnostics: true }) MarkContainsDiagnostics();
    }

    public override int SlotCount => 2;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _0,
        1 => _1,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void WriteTo(StringBuilder builder)
    {
        _0?.WriteTo(builder);
        _1?.WriteTo(builder);
    }
}

internal sealed class GreenNode3 : GreenNode
{
    private readonly GreenNode? _0;
    private readonly GreenNode? _1;
    private readonly GreenNode? _2;

    public GreenNode3(SyntaxKind kind, GreenNode? slot0, GreenNode? slot1, GreenNode? slot2)
        : base(kind, (slot0?.FullWidth ?? 0) + (slot1?.FullWidth ?? 0) + (slot2?.FullWidth ?? 0), null)
    {
        _0 = slot0;
        _1 = slot1;
        _2 = slot2;
        if (slot0 is { ContainsDiagnostics: true } || slot1 is { ContainsDiagnostics: true } || slot2 is { ContainsDiagnostics: true })
        {
            MarkContainsDiagnostics();
        }
    }

    public override int SlotCount => 3;

    public override GreenNode? GetSlot(int index) => index switch
    {
        0 => _0,
        1 => _1,
        2 => _2,
        _ => throw new ArgumentOutOfRangeException(nameof(index)),
    };

    public override void WriteTo(StringBuilder builder)
    {
        _0?.WriteTo(builder);
        _1?.WriteTo(builder);
        _2?.WriteTo(builder);
    }
}
