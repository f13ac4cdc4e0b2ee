using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Parsing.Nodes;

namespace LayoutExpert.Semantics.Trimming;

/// <summary>
/// Classifies the file-scope items of a parsed translation unit by what they
/// contribute to types and global objects (<see cref="TrimmedKind"/>) and
/// drops the rest. Function bodies are already token runs; here a function
/// definition keeps only what its specifiers and declarator declare: a struct
/// defined in its return type has file scope, while a tag first declared in a
/// parameter list has prototype scope (C11 6.2.1p4) and is a different type
/// from any later file-scope tag of that name (gcc warns that it "will not be
/// visible outside of this definition or declaration"). Reads the green tree.
/// </summary>
public static class Trimmer
{
    public static TrimmedUnit Trim(TranslationUnitSyntax unit) => Trim(unit, null);

    /// <summary>Trims with the kinds decided by earlier trims of the same source (see <see cref="TrimCache"/>); the same result.</summary>
    public static TrimmedUnit Trim(TranslationUnitSyntax unit, TrimCache? cache)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var root = new GNode(unit.Node.Green, unit.Node.Position);
        var list = root.Node(0);
        // The kinds first, then the items into an array of their exact count: a kernel unit's items
        // are a large-object-heap array (~470 KB), and one sized for every node would be copied into another.
        if (cache is not null && list.Green is { } listGreen) return TrimBeside(unit, listGreen, list.Position, cache);
        var kinds = ArrayPool<TrimmedKind?>.Shared.Rent(list.SlotCount);
        var index = 0;
        var kept = 0;
        cache?.Begin();
        foreach (var child in list)
        {
            var node = child.Node;
            var kind = cache is null ? KindOf(node) : cache.KindOf(node, KindOf);
            kinds[index++] = kind;
            if (kind is not null) kept++;
        }
        cache?.End();
        var items = ImmutableArray.CreateBuilder<TrimmedItem>(kept);
        index = 0;
        foreach (var child in list)
        {
            if (kinds[index++] is not { } kind) continue;
            var node = child.Node;
            items.Add(new TrimmedItem(kind, node.Kind, node.Position) { Node = node });
        }
        ArrayPool<TrimmedKind?>.Shared.Return(kinds);
        return new TrimmedUnit(unit, items.MoveToImmutable(), index - kept);
    }

    /// <summary>What a file-scope node contributes (null: dropped); reads the node alone.</summary>
    /// <summary>
    /// A trim with a cache: the nodes walked beside the last trim's
    /// (<see cref="LastTrim"/>), a node met there taking its kind and width
    /// from it, the others classified (through the cache's kinds by node).
    /// </summary>
    private static TrimmedUnit TrimBeside(TranslationUnitSyntax unit, GreenNode list, int position, TrimCache cache)
    {
        // After a node not found among the last trim's, how far ahead to look for the next (an insertion, or a run the parse changed).
        const int LookAhead = 64;
        var last = cache.Last;
        var next = cache.Next;
        var count = list.SlotCount;
        next.Resize(count);
        cache.Begin();
        var kept = 0;
        var nodes = 0;
        var j = 0;
        var at = position;
        for (var i = 0; i < count; i++)
        {
            var green = list.GetSlot(i);
            // Through a reference: an array store checks the node's type against the element type, reading each node.
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(next.Greens), i) = green;
            if (green is null)
            {
                next.Kinds[i] = null;
                next.Widths[i] = 0;
                continue;
            }
            nodes++;
            var found = last is null ? -1 : j < last.Count && ReferenceEquals(last.Greens[j], green) ? j : last.IndexOf(green, j + 1, LookAhead);
            if (found >= 0)
            {
                next.Kinds[i] = last!.Kinds[found];
                next.SyntaxKinds[i] = last.SyntaxKinds[found];
                next.Widths[i] = last.Widths[found];
                j = found + 1;
            }
            else
            {
                next.Kinds[i] = cache.KindOf(new GNode(green, at), KindOf);
                next.SyntaxKinds[i] = green.Kind;
                next.Widths[i] = green.FullWidth;
            }
            at += next.Widths[i];
            if (next.Kinds[i] is not null) kept++;
        }
        cache.End();
        var items = ImmutableArray.CreateBuilder<TrimmedItem>(kept);
        for (var i = 0; i < count; i++)
        {
            if (next.Kinds[i] is { } kind)
            {
                items.Add(new TrimmedItem(kind, next.SyntaxKinds[i], position) { Node = new GNode(next.Greens[i]!, position) });
            }
            position += next.Widths[i];
        }
        cache.Swap();
        return new TrimmedUnit(unit, items.MoveToImmutable(), nodes - kept);
    }

    private static TrimmedKind? KindOf(GNode node) => node.Kind switch
    {
        SyntaxKind.Declaration => Classify(node),
        SyntaxKind.FunctionDefinition => TrimmedKind.FunctionDefinition,
        SyntaxKind.StaticAssertDeclaration => TrimmedKind.StaticAssert,
        SyntaxKind.PreprocessorLine when node.Token(1) is { IsPresent: true } name && name.Kind == SyntaxKind.IdentifierToken && name.ValueText == "pragma"
            => TrimmedKind.Pragma,
        _ => null,
    };

    private static TrimmedKind Classify(GNode declaration)
    {
        var specifiers = declaration.Node(0);
        if (!specifiers.IsPresent) return TrimmedKind.ObjectDeclaration;
        var hasDeclarators = false;
        var allFunctions = true;
        foreach (var init in declaration.Nodes(1, SyntaxKind.InitDeclarator))
        {
            hasDeclarators = true;
            if (!Shapes.DeclaresFunction(init.Node(0))) allFunctions = false;
        }
        if (!hasDeclarators || Shapes.DeclaresType(specifiers)) return TrimmedKind.TypeDeclaration;
        return allFunctions ? TrimmedKind.FunctionDeclaration : TrimmedKind.ObjectDeclaration;
    }
}
