using System.Collections;
using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// The nodes of a <see cref="SyntaxKind.List"/> slot that are <typeparamref name="T"/>,
/// in order; separators (commas) and nodes of other kinds (skipped tokens
/// after an error) are passed over. An absent list is empty.
/// </summary>
public readonly struct SyntaxNodeList<T> : IEnumerable<T> where T : CSyntaxNode
{
    public SyntaxNodeList(SyntaxNode? list)
    {
        List = list;
    }

    /// <summary>The underlying list node (null when the list is empty), for the separators and everything else.</summary>
    public SyntaxNode? List { get; }

    public IEnumerator<T> GetEnumerator()
    {
        if (List is null) yield break;
        foreach (var child in List.ChildNodes())
        {
            if (CSyntax.Wrap(child) is T item) yield return item;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
