using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// declaration-specifiers (C11 6.7) or a specifier-qualifier list (6.7.2.1):
/// one slot per specifier, in source order. A slot is either a token (a
/// keyword such as "unsigned", "const", "typedef", "__extension__", or the
/// identifier of a typedef name) or a node (struct, union, enum, typeof,
/// _Atomic( ), _Alignas, __attribute__).
/// </summary>
public sealed class DeclarationSpecifiersSyntax : CSyntaxNode
{
    internal DeclarationSpecifiersSyntax(SyntaxNode node) : base(node) { }

    public IEnumerable<SpecifierItem> Items
    {
        get
        {
            foreach (var child in Node.ChildNodesAndTokens())
            {
                if (child.AsToken() is { } token) yield return new SpecifierItem(token, null, CSyntax.KeywordOf(token));
                else if (child.AsNode() is { } node && CSyntax.Wrap(node) is { } view) yield return new SpecifierItem(null, view, CKeyword.None);
            }
        }
    }

    /// <summary>The keywords among the specifiers, alternate spellings folded ("__const__" is <see cref="CKeyword.Const"/>).</summary>
    public IEnumerable<CKeyword> Keywords => Items.Where(i => i.Keyword != CKeyword.None).Select(i => i.Keyword);

    public bool Has(CKeyword keyword) => Keywords.Contains(keyword);

    /// <summary>The typedef name used as the type, if any (an undeclared one too, after "unknown type name").</summary>
    public SyntaxToken? TypedefName => Items.FirstOrDefault(i => i.IsTypedefName).Token;

    /// <summary>The struct, union, enum, typeof or _Atomic( ) specifier, if any.</summary>
    public CSyntaxNode? TypeSpecifierNode =>
        Items.Select(i => i.Node).FirstOrDefault(n => n is StructOrUnionSpecifierSyntax or EnumSpecifierSyntax or TypeofSpecifierSyntax or AtomicTypeSpecifierSyntax);

    public IEnumerable<AttributeSpecifierSyntax> Attributes => Items.Select(i => i.Node).OfType<AttributeSpecifierSyntax>();

    public IEnumerable<AlignasSpecifierSyntax> AlignmentSpecifiers => Items.Select(i => i.Node).OfType<AlignasSpecifierSyntax>();
}

/// <summary>One declaration specifier: a token (with its keyword, or none for a typedef name) or a specifier node.</summary>
public readonly record struct SpecifierItem(SyntaxToken? Token, CSyntaxNode? Node, CKeyword Keyword)
{
    public bool IsTypedefName => Token is not null && Keyword == CKeyword.None;
}
