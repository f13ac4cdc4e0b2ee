using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The last few binds of one source, whole: the unit bound and the result.
/// A bind is a function of the unit's text (its green tree: each file-scope
/// node, and where it is, which follows from the widths of the nodes before
/// it), the text's path, the binder options and the layout engine's answers
/// (a function of the definitions bound and of what
/// <see cref="BindingReuse.LayoutIdentity"/> names). So a unit whose root
/// holds the very nodes a kept unit's root held, under the same options and
/// layout identity, binds to that unit's result, which equals a fresh bind of
/// it. A config flipped back is such a unit: the parser hands every
/// unchanged declaration back as the same node (<c>ReusableDeclarations</c>),
/// and the declarations the flip changed come back from the parse before.
/// Taking the result skips the trim and the replay of ~19,000 items of a
/// kernel unit (the layout stage does the same with whole set builds).
/// </summary>
internal sealed class WholeBinds
{
    /// <summary>Binds kept (flipping one option back and forth needs two).</summary>
    private const int Kept = 4;

    // Most recently used first.
    private readonly List<WholeBind> _binds = [];

    public void Clear() => _binds.Clear();

    /// <summary>A kept bind of the same unit under the same layout identity, or null.</summary>
    public WholeBind? Find(TranslationUnitSyntax unit, object layoutIdentity)
    {
        for (var i = 0; i < _binds.Count; i++)
        {
            var bind = _binds[i];
            if (!bind.Matches(unit, layoutIdentity)) continue;
            _binds.RemoveAt(i);
            _binds.Insert(0, bind);
            return bind;
        }
        return null;
    }

    public void Add(TranslationUnitSyntax unit, object layoutIdentity, BoundTranslationUnit result, ITypeDefinitions definitions, int items)
    {
        _binds.Insert(0, new WholeBind(unit, layoutIdentity, result, definitions, items));
        if (_binds.Count > Kept) _binds.RemoveAt(_binds.Count - 1);
    }

    /// <summary>
    /// One bind kept: the unit's root, where it was and its text's path and
    /// length, the layout identity, the result, the definitions it bound (all
    /// of them, prototype-scope records included: what its layout engine read)
    /// and how many items it bound.
    /// </summary>
    public sealed class WholeBind(TranslationUnitSyntax unit, object layoutIdentity, BoundTranslationUnit result, ITypeDefinitions definitions, int items)
    {
        // The root green node (position-free, immutable) and where it was: not the red tree, which holds its SyntaxTree.
        private readonly GreenNode _root = unit.Node.Green;
        private readonly int _position = unit.Node.Position;
        private readonly string? _path = unit.Node.Tree?.Text.Path;
        private readonly int _length = unit.Node.Tree?.Text.Length ?? -1;
        private readonly object _layoutIdentity = layoutIdentity;

        public BoundTranslationUnit Result { get; } = result;

        public ITypeDefinitions Definitions { get; } = definitions;

        public int Items { get; } = items;

        public bool Matches(TranslationUnitSyntax unit, object layoutIdentity) =>
            unit.Node.Position == _position && unit.Node.Tree?.Text.Path == _path && (unit.Node.Tree?.Text.Length ?? -1) == _length
            && _layoutIdentity.Equals(layoutIdentity) && SameText(unit.Node.Green, _root);
    }

    /// <summary>
    /// Whether two roots are the same text: the same object, or of the same
    /// kind with the same objects in every slot, where the first slot (the
    /// file-scope list, a new object per parse) may also be such a node.
    /// Green nodes are immutable, so the same objects are the same text.
    /// </summary>
    private static bool SameText(GreenNode now, GreenNode kept)
    {
        if (!SameShape(now, kept)) return false;
        for (var slot = 0; slot < now.SlotCount; slot++)
        {
            var a = now.GetSlot(slot);
            var b = kept.GetSlot(slot);
            if (ReferenceEquals(a, b)) continue;
            if (slot != 0 || a is null || b is null || !SameShape(a, b)) return false;
            for (var child = 0; child < a.SlotCount; child++)
            {
                if (!ReferenceEquals(a.GetSlot(child), b.GetSlot(child))) return false;
            }
        }
        return true;
    }

    private static bool SameShape(GreenNode a, GreenNode b) => a.Kind == b.Kind && a.SlotCount == b.SlotCount && a.FullWidth == b.FullWidth && !a.IsToken && !b.IsToken;
}
