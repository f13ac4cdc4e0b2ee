using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Declarators (C11 6.7.6), parameters (6.7.6.3) and type names (6.7.7).</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// declarator: pointer* direct-declarator. The tree nests from the outside
    /// in: "int *a[4]" is Pointer(Array(a)), "int (*a)[4]" is
    /// Array(Parenthesized(Pointer(a))), so a binder applies each derivation to
    /// the type built so far while walking down to the identifier. Returns null
    /// for an absent abstract declarator, or after reporting a missing one.
    /// </summary>
    private GreenNode? ParseDeclarator(DeclaratorKind kind, bool typeSeen)
    {
        if (CurrentKind != SyntaxKind.AsteriskToken) return ParseDirectDeclarator(kind, typeSeen);
        if (!TryEnter()) return null;
        var star = EatToken();
        var qualifiers = ParseQualifiersOpt(inArray: false);
        var inner = ParseDeclarator(kind, typeSeen);
        Leave();
        return Node(SyntaxKind.PointerDeclarator, star, qualifiers, inner);
    }

    /// <summary>Type qualifiers and attributes after '*' or inside '[ ]' (where "static" may come too).</summary>
    private GreenNode? ParseQualifiersOpt(bool inArray)
    {
        List<GreenNode>? items = null;
        while (true)
        {
            var keyword = CurrentKeyword;
            if (CSyntaxFacts.IsTypeQualifier(keyword) || (inArray && keyword == CKeyword.Static))
            {
                (items ??= RentList()).Add(EatToken());
            }
            else if (keyword == CKeyword.Attribute)
            {
                (items ??= RentList()).Add(ParseAttributeSpecifier());
            }
            else
            {
                break;
            }
        }
        return items is null ? null : ToList(items);
    }

    private GreenNode? ParseDirectDeclarator(DeclaratorKind kind, bool typeSeen)
    {
        GreenNode? result = null;
        // gcc: a typedef name is the declared identifier only once a type specifier came ("T T;").
        if (kind != DeclaratorKind.Abstract && IsNameAt(_position) && (typeSeen || !IsTypedefNameAt(_position)))
        {
            result = Node(SyntaxKind.IdentifierDeclarator, EatToken());
        }
        else if (CurrentKind == SyntaxKind.OpenParenToken && !(kind != DeclaratorKind.Normal && ParenStartsParameterList()))
        {
            if (!TryEnter()) return null;
            var open = EatToken();
            var attributes = ParseAttributesOpt();
            var inner = ParseDeclarator(kind, typeSeen);
            var close = Expect(SyntaxKind.CloseParenToken, "')'");
            Leave();
            result = Node(SyntaxKind.ParenthesizedDeclarator, open, attributes, inner, close);
        }
        else if (kind == DeclaratorKind.Normal)
        {
            ReportExpected("identifier or '('");
            return null;
        }
        var chain = 0;
        while (CurrentKind is SyntaxKind.OpenBracketToken or SyntaxKind.OpenParenToken)
        {
            if (!ExtendChain(ref chain)) break;
            var suffix = CurrentKind == SyntaxKind.OpenBracketToken ? ParseArraySuffix(result) : ParseFunctionSuffix(result);
            if (suffix is null) break;
            result = suffix;
            // After a missing ']' or ')', what follows is not more of this declarator.
            if (suffix.GetSlot(suffix.SlotCount - 1) is null) break;
        }
        EndChain(chain);
        return result;
    }

    /// <summary>
    /// In an abstract or parameter declarator, "(" starts a parameter list
    /// when specifiers or ")" follow (C11 6.7.6.3p11: "int (T)" with T a
    /// typedef is a function taking a T), otherwise parentheses around a
    /// declarator, as in "int (*)(void)". gcc looks past attributes first.
    /// </summary>
    private bool ParenStartsParameterList()
    {
        var index = _position + 1;
        var sawAttributes = false;
        while (KeywordAt(index) == CKeyword.Attribute)
        {
            sawAttributes = true;
            index = SkipBalancedAt(index + 1);
        }
        if (StartsDeclarationSpecifiersAt(index)) return true;
        return !sawAttributes && KindAt(index) is SyntaxKind.CloseParenToken or SyntaxKind.DotDotDotToken;
    }

    /// <summary>The index after a parenthesised group starting at <paramref name="index"/> (or <paramref name="index"/> if none starts there).</summary>
    private int SkipBalancedAt(int index)
    {
        if (KindAt(index) != SyntaxKind.OpenParenToken) return index;
        var depth = 0;
        while (index < _last)
        {
            var kind = KindAt(index++);
            if (kind == SyntaxKind.OpenParenToken) depth++;
            else if (kind == SyntaxKind.CloseParenToken && --depth == 0) break;
        }
        return index;
    }

    /// <summary>[ qualifiers/static? size? ] or [*]. Slots: inner, '[', qualifiers, size, ']'.</summary>
    private GreenNode ParseArraySuffix(GreenNode? inner)
    {
        var open = EatToken();
        var qualifiers = ParseQualifiersOpt(inArray: true);
        GreenNode? size = null;
        if (CurrentKind == SyntaxKind.AsteriskToken && PeekKind(1) == SyntaxKind.CloseBracketToken) size = EatToken();
        else if (CurrentKind != SyntaxKind.CloseBracketToken) size = ParseAssignmentExpression();
        var close = Expect(SyntaxKind.CloseBracketToken, "']'");
        return Node(SyntaxKind.ArrayDeclarator, inner, open, qualifiers, size, close);
    }

    /// <summary>
    /// ( parameter-type-list ) or an old-style ( identifier-list ). Slots:
    /// inner, '(', list, ')'; the list holds parameter declarations (or
    /// identifiers) separated by commas, ending with '...' when variadic; a ';'
    /// separator ends GNU forward parameter declarations.
    /// The parameters form a prototype scope (C11 6.2.1p4).
    /// </summary>
    private GreenNode? ParseFunctionSuffix(GreenNode? inner)
    {
        if (!TryEnter()) return inner;
        var open = EatToken();
        _scopes.Push();
        var items = RentList();
        if (IsNameAt(_position) && !IsTypedefNameAt(_position) && PeekKind(1) is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken)
        {
            ParseIdentifierList(items);
        }
        else
        {
            ParseParameterList(items);
        }
        var parameters = ToList(items);
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        _scopes.Pop();
        Leave();
        return Node(SyntaxKind.FunctionDeclarator, inner, open, parameters, close);
    }

    private void ParseIdentifierList(List<GreenNode> items)
    {
        while (IsNameAt(_position))
        {
            items.Add(EatToken());
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
    }

    private void ParseParameterList(List<GreenNode> items)
    {
        while (CurrentKind != SyntaxKind.CloseParenToken && !AtEnd)
        {
            if (CurrentKind == SyntaxKind.DotDotDotToken)
            {
                items.Add(EatToken());
                if (CurrentKind != SyntaxKind.CloseParenToken) ReportExpected("')'");
                break;
            }
            if (ParseParameterDeclaration() is { } parameter) items.Add(parameter);
            // GNU forward parameter declarations, "int f(int n; int a[n], int n)": ';' ends the forward part.
            if (CurrentKind is SyntaxKind.CommaToken or SyntaxKind.SemicolonToken)
            {
                items.Add(EatToken());
                continue;
            }
            if (CurrentKind == SyntaxKind.CloseParenToken) break;
            ReportExpected("';', ',' or ')'");
            if (SkipUntil(StopAt.Comma | StopAt.CloseParen) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
    }

    /// <summary>specifiers declarator-or-abstract-declarator attributes. Slots: specifiers, declarator, attributes.</summary>
    private GreenNode? ParseParameterDeclaration()
    {
        var specifiers = ParseDeclarationSpecifiers(SpecifierContext.Parameter, out var info);
        if (specifiers is null)
        {
            ReportExpected("declaration specifiers or '...'");
            return null;
        }
        var declarator = ParseDeclarator(DeclaratorKind.Parameter, info.TypeSeen);
        var attributes = ParseAttributesOpt();
        Declare(declarator, info with { IsTypedef = false });
        return Node(SyntaxKind.ParameterDeclaration, specifiers, declarator, attributes);
    }

    /// <summary>type-name (C11 6.7.7): specifier-qualifier list and an abstract declarator. Slots: specifiers, declarator.</summary>
    private GreenNode ParseTypeName()
    {
        if (!TryEnter()) return ErrorExpression();
        var specifiers = ParseDeclarationSpecifiers(SpecifierContext.TypeName, out var info);
        if (specifiers is null) ReportExpected("specifier-qualifier-list");
        var declarator = ParseDeclarator(DeclaratorKind.Abstract, info.TypeSeen);
        Leave();
        return Node(SyntaxKind.TypeName, specifiers, declarator);
    }
}
