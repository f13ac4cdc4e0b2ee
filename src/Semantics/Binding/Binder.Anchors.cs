using LayoutExpert.Semantics.Trees;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Discriminators of anonymous and prototype-scoped types that do not move
/// when unrelated text before them does. A type's discriminator names the
/// file-scope item it is written in by an anchor (the item's first tag, else
/// its first declared name), the number of earlier items that took the same
/// anchor, and the specifier's offset inside the item. Unique in the unit (no
/// two items share anchor and number, no two specifiers of one item share an
/// offset), equal for the same specifier bound twice (as a position was), and
/// unchanged by an edit anywhere but in an item with the same anchor before
/// it: binding reuse (<see cref="BindingReuse"/>) depends on that, since a
/// type named by position would rename every later anonymous type, hence
/// every record holding one, when a member is added upstream.
/// </summary>
public sealed partial class Binder
{
    /// <summary>How many items took each anchor so far.</summary>
    private readonly Dictionary<string, int> _anchorCounts;

    /// <summary>The file-scope item being bound (or whose function signature is being bound lazily).</summary>
    private GNode _itemNode;

    private int _itemPosition;

    /// <summary>The anchor name to use instead of the item's own (a lazily bound signature: the function's name).</summary>
    private string? _anchorName;

    /// <summary>The item's anchor with its number, once the item needed one.</summary>
    private string? _anchor;

    private void EnterItem(GNode node, int position, string? anchorName)
    {
        _itemNode = node;
        _itemPosition = position;
        _anchorName = anchorName;
        _anchor = null;
    }

    private string Discriminator(string prefix, GNode specifier)
    {
        if (_anchor is null)
        {
            var name = _anchorName ?? AnchorName(_itemNode);
            var number = ReadAnchorCount(name);
            WriteAnchorCount(name, number + 1);
            _anchor = name + "#" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return prefix + "@" + _anchor + "+" + (specifier.Position - _itemPosition).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first tag of an item's specifiers, else the name of its first declarator, else "".</summary>
    /// <remarks>Slots: Declaration 0 specifiers?, 1 init-declarators; FunctionDefinition 0 specifiers?, 1 declarator; specifiers 2 tag?.</remarks>
    private static string AnchorName(GNode item)
    {
        if (item.Kind is not (SyntaxKind.Declaration or SyntaxKind.FunctionDefinition)) return "";
        foreach (var child in item.Node(0))
        {
            if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier
                && child.Node.Token(2) is { IsPresent: true } tag)
            {
                return tag.ValueText;
            }
        }
        if (item.Kind == SyntaxKind.FunctionDefinition)
        {
            return Shapes.Identifier(item.Node(1)) is { IsPresent: true } function ? function.ValueText : "";
        }
        foreach (var init in item.Nodes(1, SyntaxKind.InitDeclarator))
        {
            return Shapes.Identifier(init.Node(0)) is { IsPresent: true } name ? name.ValueText : "";
        }
        return "";
    }
}
