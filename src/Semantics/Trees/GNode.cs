using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Semantics.Trees;

/// <summary>
/// A green node seen at an absolute position: what the binder walks instead
/// of the red tree. Red nodes are made once per visited node and kept alive by
/// their parents; binding a kernel unit visits most of a 400,000-node tree,
/// and those allocations (and the collections they cause) cost more than the
/// binding itself. A position is all a diagnostic needs. Slot layouts are the
/// parser's (see the typed views in LayoutExpert.Syntax.Parsing.Nodes).
/// A default value is "absent".
/// </summary>
internal readonly struct GNode(GreenNode green, int position)
{
    public GreenNode Green { get; } = green;

    public int Position { get; } = position;

    public bool IsPresent => Green is not null;

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    public int SlotCount => Green?.SlotCount ?? 0;

    /// <summary>The node in a slot (absent when the slot is empty or holds a token).</summary>
    public GNode Node(int slot)
    {
        if (Green is null || slot >= Green.SlotCount) return default;
        var child = Green.GetSlot(slot);
        return child is null || child.IsToken ? default : new GNode(child, Position + Offset(slot));
    }

    /// <summary>The token in a slot (absent when the slot is empty or holds a node).</summary>
    public GToken Token(int slot)
    {
        if (Green is null || slot >= Green.SlotCount) return default;
        return Green.GetSlot(slot) is GreenToken token ? new GToken(token, Position + Offset(slot)) : default;
    }

    public bool HasSlot(int slot) => Green is not null && slot < Green.SlotCount && Green.GetSlot(slot) is not null;

    /// <summary>The children of this node (a list, or any node) with their positions, tokens included.</summary>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>The nodes of a list slot of one kind, in order (separators and other kinds skipped).</summary>
    public KindEnumerable Nodes(int slot, SyntaxKind kind) => new(Node(slot), kind);

    /// <summary>How many nodes of one kind a list slot holds.</summary>
    public int Count(int slot, SyntaxKind kind)
    {
        var count = 0;
        foreach (var node in Nodes(slot, kind)) count++;
        return count;
    }

    /// <summary>The absolute offset of the first token's text (after its leading trivia), for diagnostics.</summary>
    public int Start
    {
        get
        {
            var node = Green;
            var position = Position;
            while (node is not null)
            {
                if (node is GreenToken token) return position + token.LeadingWidth;
                GreenNode? next = null;
                for (var i = 0; i < node.SlotCount; i++)
                {
                    var slot = node.GetSlot(i);
                    if (slot is null) continue;
                    if (slot.FullWidth == 0 && !slot.IsToken) continue;
                    next = slot;
                    break;
                }
                if (next is null) return position;
                node = next;
            }
            return Position;
        }
    }

    private int Offset(int slot)
    {
        var offset = 0;
        for (var i = 0; i < slot; i++) offset += Green.GetSlot(i)?.FullWidth ?? 0;
        return offset;
    }

    public override string ToString() => Green?.ToFullString() ?? "";

    /// <summary>A child: a node or a token, with its position.</summary>
    public readonly struct Child(GreenNode green, int position)
    {
        public bool IsToken => green.IsToken;

        public GNode Node => green.IsToken ? default : new GNode(green, position);

        public GToken Token => green is GreenToken token ? new GToken(token, position) : default;

        public SyntaxKind Kind => green.Kind;
    }

    public readonly struct KindEnumerable(GNode list, SyntaxKind kind)
    {
        public KindEnumerator GetEnumerator() => new(list.GetEnumerator(), kind);
    }

    public struct KindEnumerator(Enumerator inner, SyntaxKind kind)
    {
        private Enumerator _inner = inner;

        public GNode Current { get; private set; }

        public bool MoveNext()
        {
            while (_inner.MoveNext())
            {
                if (_inner.Current.Kind != kind) continue;
                Current = _inner.Current.Node;
                return true;
            }
            return false;
        }
    }

    public struct Enumerator(GNode parent)
    {
        private int _index = -1;
        private int _position = parent.Position;
        private int _nextPosition = parent.Position;

        public Child Current { get; private set; }

        public bool MoveNext()
        {
            var green = parent.Green;
            if (green is null) return false;
            while (++_index < green.SlotCount)
            {
                _position = _nextPosition;
                var slot = green.GetSlot(_index);
                if (slot is null) continue;
                _nextPosition = _position + slot.FullWidth;
                Current = new Child(slot, _position);
                return true;
            }
            return false;
        }
    }
}

/// <summary>A green token at an absolute position.</summary>
internal readonly struct GToken(GreenToken green, int position)
{
    public GreenToken Green { get; } = green;

    public int Position { get; } = position;

    public bool IsPresent => Green is not null;

    public SyntaxKind Kind => Green?.Kind ?? SyntaxKind.None;

    /// <summary>The token's text without line splices.</summary>
    public string ValueText => SyntaxFacts.ValueText(Green.Text);

    public CKeyword Keyword => Green is { Kind: SyntaxKind.IdentifierToken } ? CSyntaxFacts.GetKeyword(ValueText) : CKeyword.None;

    /// <summary>The absolute offset of the token's own text.</summary>
    public int Start => Position + Green.LeadingWidth;

    public override string ToString() => Green?.Text ?? "";
}
