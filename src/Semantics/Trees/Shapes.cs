using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Trees;

/// <summary>Questions about the shape of declarations, answered on green nodes without binding.</summary>
internal static class Shapes
{
    /// <summary>The identifier a declarator declares, or absent for an abstract one.</summary>
    public static GToken Identifier(GNode declarator)
    {
        for (var depth = 0; declarator.IsPresent && depth < 10_000; depth++)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator: return declarator.Token(0);
                case SyntaxKind.PointerDeclarator or SyntaxKind.ParenthesizedDeclarator: declarator = declarator.Node(2); break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator: declarator = declarator.Node(0); break;
                default: return default;
            }
        }
        return default;
    }

    /// <summary>Whether the derivation nearest the identifier (parentheses aside) is a function (C11 6.7.6p6: "int *f(void)", not "int (*f)(void)").</summary>
    public static bool DeclaresFunction(GNode declarator)
    {
        var nearest = SyntaxKind.None;
        for (var depth = 0; declarator.IsPresent && depth < 10_000; depth++)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator: return nearest == SyntaxKind.FunctionDeclarator;
                case SyntaxKind.PointerDeclarator: nearest = SyntaxKind.PointerDeclarator; declarator = declarator.Node(2); break;
                case SyntaxKind.ParenthesizedDeclarator: declarator = declarator.Node(2); break;
                case SyntaxKind.ArrayDeclarator or SyntaxKind.FunctionDeclarator: nearest = declarator.Kind; declarator = declarator.Node(0); break;
                default: return false;
            }
        }
        return false;
    }

    /// <summary>A typedef, or specifiers that define a struct, union or enum (a body in braces).</summary>
    public static bool DeclaresType(GNode specifiers)
    {
        foreach (var child in specifiers)
        {
            if (child.IsToken)
            {
                if (child.Token.Keyword == CKeyword.Typedef) return true;
            }
            else if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier && child.Node.HasSlot(3))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether specifiers define a struct, union or enum (typedef aside).</summary>
    public static bool DefinesTag(GNode specifiers)
    {
        foreach (var child in specifiers)
        {
            if (!child.IsToken && child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.UnionSpecifier or SyntaxKind.EnumSpecifier && child.Node.HasSlot(3)) return true;
        }
        return false;
    }
}
