using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Driver.Explain;

/// <summary>
/// Where each named type is defined in the preprocessed unit: the text range
/// of a struct/union/enum body ("struct task_struct") or of a typedef's whole
/// declaration ("typedef spinlock_t"), and within a record the end of each
/// member's declaration. Built from the parse tree alone.
/// </summary>
internal sealed class DeclarationIndex
{
    private readonly Dictionary<string, Definition> _definitions = new(StringComparer.Ordinal);

    /// <summary>A definition's text range, and for records the end of the declaration of each member name.</summary>
    public sealed record Definition(int Start, int End, IReadOnlyDictionary<string, int> MemberEnds);

    public DeclarationIndex(GreenNode root) => Visit(root, 0);

    public Definition? Find(string key) => _definitions.GetValueOrDefault(key);

    private void Visit(GreenNode node, int position)
    {
        switch (node.Kind)
        {
            case SyntaxKind.UnparsedBlock:
                return;
            case SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier
                when node.GetSlot(2) is GreenToken tag && node.GetSlot(3) is not null:
                var keyword = node.Kind switch { SyntaxKind.StructSpecifier => "struct ", SyntaxKind.UnionSpecifier => "union ", _ => "enum " };
                var members = new Dictionary<string, int>(StringComparer.Ordinal);
                if (node.Kind != SyntaxKind.EnumSpecifier) CollectMembers(node.GetSlot(4), SlotPosition(node, position, 4), members);
                // The last definition wins, as for a tag redefined in another scope (rare at file scope).
                _definitions[keyword + SyntaxFacts.ValueText(tag.Text)] = new Definition(position, position + node.FullWidth, members);
                break;
            case SyntaxKind.Declaration when IsTypedef(node.GetSlot(0)):
                foreach (var name in DeclaredNames(node.GetSlot(1)))
                {
                    _definitions["typedef " + name] = new Definition(position, position + node.FullWidth, new Dictionary<string, int>());
                }
                break;
        }
        var offset = position;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is not { } child) continue;
            if (!child.IsToken) Visit(child, offset);
            offset += child.FullWidth;
        }
    }

    private static int SlotPosition(GreenNode node, int position, int slot)
    {
        for (var i = 0; i < slot; i++) position += node.GetSlot(i)?.FullWidth ?? 0;
        return position;
    }

    /// <summary>Member names (anonymous members' own members too) to the end of the declaration that declares them.</summary>
    private static void CollectMembers(GreenNode? list, int position, Dictionary<string, int> ends)
    {
        if (list is null) return;
        var offset = position;
        for (var i = 0; i < list.SlotCount; i++)
        {
            var member = list.GetSlot(i)!;
            if (member.Kind == SyntaxKind.MemberDeclaration)
            {
                var end = offset + member.FullWidth;
                foreach (var name in DeclaredNames(member.GetSlot(1))) ends.TryAdd(name, end);
                // An anonymous struct/union member: its members are members of this record (C11 6.7.2.1p13).
                if (member.GetSlot(0) is { } specifiers) CollectNested(specifiers, offset, end, ends);
            }
            offset += member.FullWidth;
        }
    }

    private static void CollectNested(GreenNode specifiers, int position, int end, Dictionary<string, int> ends)
    {
        var offset = position;
        for (var i = 0; i < specifiers.SlotCount; i++)
        {
            if (specifiers.GetSlot(i) is not { } child) continue;
            if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier && child.GetSlot(3) is not null)
            {
                var nested = new Dictionary<string, int>(StringComparer.Ordinal);
                CollectMembers(child.GetSlot(4), SlotPosition(child, offset, 4), nested);
                foreach (var name in nested.Keys) ends.TryAdd(name, end);
            }
            offset += child.FullWidth;
        }
    }

    private static bool IsTypedef(GreenNode? specifiers)
    {
        if (specifiers is null) return false;
        for (var i = 0; i < specifiers.SlotCount; i++)
        {
            if (specifiers.GetSlot(i) is GreenToken { Kind: SyntaxKind.IdentifierToken } token && SyntaxFacts.ValueText(token.Text) == "typedef") return true;
        }
        return false;
    }

    /// <summary>The identifiers a declarator list declares (not those of parameter lists).</summary>
    private static IEnumerable<string> DeclaredNames(GreenNode? node)
    {
        if (node is null || node.IsToken) yield break;
        if (node.Kind == SyntaxKind.IdentifierDeclarator)
        {
            if (node.GetSlot(0) is GreenToken name) yield return SyntaxFacts.ValueText(name.Text);
            yield break;
        }
        if (node.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier or SyntaxKind.UnparsedBlock) yield break;
        var last = node.Kind == SyntaxKind.FunctionDeclarator ? 1 : node.SlotCount;
        for (var i = 0; i < last; i++)
        {
            foreach (var name in DeclaredNames(node.GetSlot(i))) yield return name;
        }
    }
}
