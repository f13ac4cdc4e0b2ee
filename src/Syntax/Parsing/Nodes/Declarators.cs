using LayoutExpert.Syntax.Red;

namespace LayoutExpert.Syntax.Parsing.Nodes;

/// <summary>
/// A declarator (C11 6.7.6), nested from the outside in: the outermost node
/// is the derivation applied first to the specifiers' type. "int *a[4]" is
/// Pointer(Array(a)): a is an array of 4 pointers; "int (*a)[4]" is
/// Array(Parenthesized(Pointer(a))): a pointer to an array. A binder walks
/// <see cref="Inner"/> from here to the identifier, wrapping the type at each
/// step. Abstract declarators (type names, unnamed parameters) end in a null <see cref="Inner"/>.
/// </summary>
public abstract class DeclaratorSyntax : CSyntaxNode
{
    private protected DeclaratorSyntax(SyntaxNode node) : base(node) { }

    /// <summary>The declarator this one derives from, or null at the identifier or the end of an abstract declarator.</summary>
    public abstract DeclaratorSyntax? Inner { get; }

    /// <summary>The declared identifier, or null for an abstract declarator.</summary>
    public SyntaxToken? Identifier
    {
        get
        {
            for (DeclaratorSyntax? d = this; d is not null; d = d.Inner)
            {
                if (d is IdentifierDeclaratorSyntax named) return named.Identifier;
            }
            return null;
        }
    }

    /// <summary>
    /// The function declarator that makes the identifier a function — the
    /// derivation nearest the identifier, parentheses aside ("int *f(void)",
    /// not "int (*f)(void)"; C11 6.7.6p6) — or null.
    /// </summary>
    public FunctionDeclaratorSyntax? FunctionOfIdentifier
    {
        get
        {
            DeclaratorSyntax? nearest = null;
            for (DeclaratorSyntax? d = this; d is not null; d = d.Inner)
            {
                if (d is IdentifierDeclaratorSyntax) return nearest as FunctionDeclaratorSyntax;
                if (d is not ParenthesizedDeclaratorSyntax) nearest = d;
            }
            return null;
        }
    }
}

/// <summary>The declared name. Slot: 0 identifier.</summary>
public sealed class IdentifierDeclaratorSyntax : DeclaratorSyntax
{
    internal IdentifierDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public new SyntaxToken Identifier => TokenAt(0)!.Value;

    public override DeclaratorSyntax? Inner => null;
}

/// <summary>* qualifiers/attributes inner (C11 6.7.6.1). Slots: 0 '*', 1 list of qualifier tokens and attribute specifiers, 2 inner?.</summary>
public sealed class PointerDeclaratorSyntax : DeclaratorSyntax
{
    internal PointerDeclaratorSyntax(SyntaxNode node) : base(node) { }

    /// <summary>Qualifier keywords of the pointer itself ("* const p": <see cref="CKeyword.Const"/>), address spaces included.</summary>
    public IEnumerable<CKeyword> Qualifiers => QualifierTokens(NodeAt(1));

    public IEnumerable<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(1);

    public override DeclaratorSyntax? Inner => Get<DeclaratorSyntax>(2);

    internal static IEnumerable<CKeyword> QualifierTokens(SyntaxNode? list) =>
        list is null ? [] : list.ChildNodesAndTokens().Select(c => c.AsToken()).OfType<SyntaxToken>().Select(CSyntax.KeywordOf);
}

/// <summary>
/// inner [ qualifiers/static? size? ] or inner [*] (C11 6.7.6.2).
/// Slots: 0 inner?, 1 '[', 2 list of qualifiers/static/attributes, 3 size expression or '*' token, 4 ']'.
/// </summary>
public sealed class ArrayDeclaratorSyntax : DeclaratorSyntax
{
    internal ArrayDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public override DeclaratorSyntax? Inner => Get<DeclaratorSyntax>(0);

    public IEnumerable<CKeyword> Qualifiers => PointerDeclaratorSyntax.QualifierTokens(NodeAt(2));

    /// <summary>The bound, or null for "[]" and "[*]".</summary>
    public ExpressionSyntax? Size => Get<ExpressionSyntax>(3);

    /// <summary>"[*]": a variable length array of unspecified size (prototype scope only).</summary>
    public bool IsUnspecifiedVariableLength => TokenAt(3) is not null;
}

/// <summary>
/// inner ( parameters ) (C11 6.7.6.3). Slots: 0 inner?, 1 '(', 2 list, 3 ')'?.
/// The list holds <see cref="ParameterDeclarationSyntax"/> nodes and commas, and a final
/// '...' token when variadic; or, old style, identifier tokens and commas.
/// </summary>
public sealed class FunctionDeclaratorSyntax : DeclaratorSyntax
{
    internal FunctionDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public override DeclaratorSyntax? Inner => Get<DeclaratorSyntax>(0);

    public SyntaxNodeList<ParameterDeclarationSyntax> Parameters => ListAt<ParameterDeclarationSyntax>(2);

    public bool IsVariadic => Tokens.Any(t => t.Kind == SyntaxKind.DotDotDotToken);

    /// <summary>
    /// The parameters before a ';' in the list are GNU forward declarations
    /// ("int f(int n; int a[n], int n)"), not parameters of their own.
    /// </summary>
    public bool HasForwardParameterDeclarations => Tokens.Any(t => t.Kind == SyntaxKind.SemicolonToken);

    /// <summary>The names of an old-style (K&amp;R) identifier list, "f(a, b)".</summary>
    public IEnumerable<SyntaxToken> IdentifierList => Tokens.Where(t => t.Kind == SyntaxKind.IdentifierToken);

    private IEnumerable<SyntaxToken> Tokens =>
        NodeAt(2) is { } list ? list.ChildNodesAndTokens().Select(c => c.AsToken()).OfType<SyntaxToken>() : [];
}

/// <summary>( attributes? inner ). Slots: 0 '(', 1 attributes, 2 inner?, 3 ')'?.</summary>
public sealed class ParenthesizedDeclaratorSyntax : DeclaratorSyntax
{
    internal ParenthesizedDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(1);

    public override DeclaratorSyntax? Inner => Get<DeclaratorSyntax>(2);
}

/// <summary>
/// init-declarator with GNU extras: declarator asm-label? attributes? (= initializer)?.
/// Slots: 0 declarator, 1 <see cref="AsmLabelSyntax"/>?, 2 attributes, 3 '='?, 4 initializer?.
/// </summary>
public sealed class InitDeclaratorSyntax : CSyntaxNode
{
    internal InitDeclaratorSyntax(SyntaxNode node) : base(node) { }

    public DeclaratorSyntax? Declarator => Get<DeclaratorSyntax>(0);

    public AsmLabelSyntax? AsmLabel => Get<AsmLabelSyntax>(1);

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(2);

    /// <summary>An <see cref="ExpressionSyntax"/> or an <see cref="InitializerListSyntax"/>.</summary>
    public CSyntaxNode? Initializer => Get<CSyntaxNode>(4);
}

/// <summary>parameter-declaration (C11 6.7.6.3). Slots: 0 specifiers, 1 declarator? (named or abstract), 2 attributes.</summary>
public sealed class ParameterDeclarationSyntax : CSyntaxNode
{
    internal ParameterDeclarationSyntax(SyntaxNode node) : base(node) { }

    public DeclarationSpecifiersSyntax? Specifiers => Get<DeclarationSpecifiersSyntax>(0);

    public DeclaratorSyntax? Declarator => Get<DeclaratorSyntax>(1);

    public SyntaxNodeList<AttributeSpecifierSyntax> Attributes => ListAt<AttributeSpecifierSyntax>(2);
}

/// <summary>type-name (C11 6.7.7). Slots: 0 specifier-qualifier list, 1 abstract declarator?.</summary>
public sealed class TypeNameSyntax : CSyntaxNode
{
    internal TypeNameSyntax(SyntaxNode node) : base(node) { }

    public DeclarationSpecifiersSyntax? Specifiers => Get<DeclarationSpecifiersSyntax>(0);

    public DeclaratorSyntax? Declarator => Get<DeclaratorSyntax>(1);
}
