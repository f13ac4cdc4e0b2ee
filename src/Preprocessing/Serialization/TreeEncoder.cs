using System.Text;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>
/// Flattens a preprocessing tree into the format's part stream (see
/// <see cref="PreAstFormat"/>). The stream is kept as integers until the token
/// table is complete: a token is written as -(provisional index + 1), and
/// <see cref="WriteOps"/> maps it to its final, most-used-first index.
/// Directive nodes are stored as their tokens only: the loader rebuilds them
/// (and their diagnostics) with the DirectiveNodeBuilder the parser used.
/// </summary>
internal sealed class TreeEncoder(TokenTableWriter table)
{
    private readonly List<GreenToken> _leaf = [];
    private readonly List<int> _indices = [];

    public List<int> Encode(GreenNode root)
    {
        var ops = new List<int>();
        Parts(root.GetSlot(0), ops);
        _leaf.Clear();
        _leaf.Add((GreenToken)root.GetSlot(1)!);
        Leaf(ops);
        return ops;
    }

    public static void WriteOps(List<int> ops, int[] remap, ByteWriter output)
    {
        foreach (var op in ops) output.Varint(op >= 0 ? op : remap[-op - 1]);
    }

    private void Parts(GreenNode? list, List<int> ops)
    {
        var count = list?.SlotCount ?? 0;
        ops.Add(count);
        for (var i = 0; i < count; i++)
        {
            var part = list!.GetSlot(i)!;
            switch (part.Kind)
            {
                case SyntaxKind.TextRun:
                    ops.Add(PreAstFormat.TextRunPart);
                    Line(part, ops);
                    break;
                case SyntaxKind.IfSection:
                    ops.Add(PreAstFormat.ConditionalPart);
                    Section(part, ops);
                    break;
                case SyntaxKind.ElifDirective or SyntaxKind.ElifdefDirective or SyntaxKind.ElifndefDirective
                    or SyntaxKind.ElseDirective or SyntaxKind.EndifDirective:
                    // At group level these can only be strays: inside a section they belong to its groups.
                    ops.Add(PreAstFormat.StrayLinePart);
                    Line(part, ops);
                    break;
                default:
                    ops.Add(PreAstFormat.ControlLinePart);
                    Line(part, ops);
                    break;
            }
        }
    }

    private void Section(GreenNode section, List<int> ops)
    {
        var later = section.GetSlot(1);
        ops.Add(1 + (later?.SlotCount ?? 0));
        Group(section.GetSlot(0)!, ops);
        for (var i = 0; i < (later?.SlotCount ?? 0); i++) Group(later!.GetSlot(i)!, ops);
        if (section.GetSlot(2) is { } endif)
        {
            ops.Add(1);
            Line(endif, ops);
        }
        else
        {
            ops.Add(0);
        }
    }

    private void Group(GreenNode group, List<int> ops)
    {
        Line(group.GetSlot(0)!, ops);
        Parts(group.GetSlot(1), ops);
    }

    /// <summary>A text run or directive line as a leaf: its tokens in order.</summary>
    private void Line(GreenNode node, List<int> ops)
    {
        _leaf.Clear();
        Collect(node);
        Leaf(ops);
    }

    private void Collect(GreenNode node)
    {
        if (node is GreenToken token)
        {
            _leaf.Add(token);
            return;
        }
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is { } child) Collect(child);
        }
    }

    private void Leaf(List<int> ops)
    {
        _indices.Clear();
        foreach (var token in _leaf)
        {
            var index = table.IndexOf(token);
            if (index < 0) break;
            _indices.Add(index);
        }
        if (_leaf.Count > 0 && _indices.Count == _leaf.Count)
        {
            ops.Add(_leaf.Count);
            foreach (var index in _indices)
            {
                table.Use(index);
                ops.Add(-index - 1);
            }
            return;
        }
        var text = new StringBuilder();
        foreach (var token in _leaf) token.WriteTo(text);
        ops.Add(0);
        ops.Add(table.String(text.ToString()));
    }
}
