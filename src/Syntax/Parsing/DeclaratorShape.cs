using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Questions about the shape of a green declarator, answered without recursion.</summary>
internal static class DeclaratorShape
{
    /// <summary>The declared identifier, or null for an abstract or broken declarator.</summary>
    public static GreenToken? GetIdentifier(GreenNode? declarator)
    {
        while (declarator is not null)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return declarator.GetSlot(0) as GreenToken;
                case SyntaxKind.PointerDeclarator:
                    declarator = declarator.GetSlot(2);
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    declarator = declarator.GetSlot(2);
                    break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator:
                    declarator = declarator.GetSlot(0);
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    /// <summary>
    /// True when the declarator makes its identifier a function: the
    /// derivation nearest the identifier (parentheses aside) is a function
    /// declarator, as in "int *f(void)" but not "int (*f)(void)" (C11 6.7.6p6).
    /// </summary>
    public static bool DeclaresFunction(GreenNode declarator, out GreenNode? function)
    {
        function = null;
        GreenNode? nearest = null;
        GreenNode? current = declarator;
        while (current is not null)
        {
            switch (current.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    function = nearest?.Kind == SyntaxKind.FunctionDeclarator ? nearest : null;
                    return function is not null;
                case SyntaxKind.PointerDeclarator:
                    nearest = current;
                    current = current.GetSlot(2);
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    current = current.GetSlot(2);
                    break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator:
                    nearest = current;
                    current = current.GetSlot(0);
                    break;
                default:
                    return false;
            }
        }
        return false;
    }

    /// <summary>An old-style (K&amp;R) identifier list: "f(a, b)" (C11 6.7.6.3p3).</summary>
    public static bool HasIdentifierList(GreenNode functionDeclarator)
    {
        if (functionDeclarator.GetSlot(2) is not { } list) return false;
        var first = list.GetSlot(0);
        return first is GreenToken { Kind: SyntaxKind.IdentifierToken };
    }
}
