using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Declaration specifiers (C11 6.7.1-6.7.5) and the struct, union, enum, typeof, _Atomic and _Alignas specifiers.</summary>
internal sealed partial class Parser
{
    /// <summary>
    /// Reads specifiers the way gcc's c_parser_declspecs does. The typedef-name
    /// ambiguity is settled there: an identifier is a type specifier only if it
    /// names a typedef in scope and no type specifier came before it, so in
    /// "T T;" and "unsigned T;" the second name is the declarator. Returns null
    /// when there are none.
    /// </summary>
    private GreenNode? ParseDeclarationSpecifiers(SpecifierContext context, out SpecifierInfo info)
    {
        info = default;
        var items = RentList();
        var sawTagDefinition = false;
        while (CurrentKind == SyntaxKind.IdentifierToken)
        {
            var keyword = CurrentKeyword;
            if (keyword == CKeyword.None)
            {
                if (info.TypeSeen) break;
                if (IsTypedefNameAt(_position))
                {
                    items.Add(EatToken());
                    info.TypeSeen = true;
                    continue;
                }
                if (!LooksLikeUnknownTypeName(context, items)) break;
                ReportAt(_position, ParserDiagnostics.UnknownTypeName, NameAt(_position));
                items.Add(EatToken());
                info.TypeSeen = true;
                continue;
            }
            // gcc: after "struct s { ... }" a type specifier means a forgotten ';'.
            if (sawTagDefinition && StartsTypeSpecifierAt(_position)) break;
            if (!TryParseKeywordSpecifier(context, keyword, items, ref info, ref sawTagDefinition)) break;
        }
        return ToNode(SyntaxKind.DeclarationSpecifiers, items);
    }

    private bool TryParseKeywordSpecifier(SpecifierContext context, CKeyword keyword, List<GreenNode> items, ref SpecifierInfo info, ref bool sawTagDefinition)
    {
        var typeName = context == SpecifierContext.TypeName;
        switch (keyword)
        {
            case var k when CSyntaxFacts.IsStorageClass(k) || CSyntaxFacts.IsFunctionSpecifier(k):
                if (typeName) return false;
                info.IsTypedef |= k == CKeyword.Typedef;
                items.Add(EatToken());
                return true;
            case CKeyword.Extension:
                // GCC takes __extension__ only in front of a declaration or member.
                if (typeName || context == SpecifierContext.Parameter || !AllExtensions(items)) return false;
                items.Add(EatToken());
                return true;
            case CKeyword.Atomic when PeekKind(1) == SyntaxKind.OpenParenToken:
                items.Add(ParseParenthesizedTypeSpecifier(SyntaxKind.AtomicTypeSpecifier, allowExpression: false));
                info.TypeSeen = true;
                return true;
            case var k when CSyntaxFacts.IsTypeQualifier(k):
                items.Add(EatToken());
                return true;
            case var k when CSyntaxFacts.IsSimpleTypeSpecifier(k) || k == CKeyword.AutoType:
                items.Add(EatToken());
                info.TypeSeen = true;
                return true;
            case CKeyword.Struct or CKeyword.Union or CKeyword.Enum:
                var tagged = keyword == CKeyword.Enum ? ParseEnumSpecifier() : ParseStructOrUnionSpecifier();
                items.Add(tagged);
                info.TypeSeen = true;
                sawTagDefinition = tagged.GetSlot(3) is not null;
                return true;
            case CKeyword.Typeof:
                items.Add(ParseParenthesizedTypeSpecifier(SyntaxKind.TypeofSpecifier, allowExpression: true));
                info.TypeSeen = true;
                return true;
            case CKeyword.Alignas:
                if (typeName) return false;
                items.Add(ParseParenthesizedTypeSpecifier(SyntaxKind.AlignasSpecifier, allowExpression: true));
                return true;
            case CKeyword.Attribute:
                items.Add(ParseAttributeSpecifier());
                return true;
            default:
                return false;
        }
    }

    private bool AllExtensions(List<GreenNode> items)
    {
        foreach (var item in items)
        {
            if (item is not GreenToken { Keyword: CKeyword.Extension }) return false;
        }
        return true;
    }

    /// <summary>
    /// gcc's guess that an identifier where a type could be is an unknown type
    /// name: "A B" or "A *B" (c-parser.cc, c_parser_declaration_or_fndef and
    /// c_parser_next_tokens_start_typename). At the start of a file-scope
    /// declaration that is enough; anywhere else the name must also be
    /// undeclared, and a parameter's first name needs nothing after it.
    /// </summary>
    private bool LooksLikeUnknownTypeName(SpecifierContext context, List<GreenNode> specifiersSoFar)
    {
        var declarationFollows = PeekKind(1) == SyntaxKind.AsteriskToken || IsNameAt(_position + 1);
        if (context == SpecifierContext.Declaration && _scopes.IsFileScope && AllExtensions(specifiersSoFar)) return declarationFollows;
        if (_scopes.IsDeclared(NameAt(_position))) return false;
        return declarationFollows || (context == SpecifierContext.Parameter && specifiersSoFar.Count == 0);
    }

    private bool StartsTypeSpecifierAt(int index) =>
        CSyntaxFacts.IsTypeSpecifier(KeywordAt(index)) || IsTypedefNameAt(index);

    /// <summary>Specifiers can start here: a specifier keyword or a typedef name in scope.</summary>
    private bool StartsDeclarationSpecifiersAt(int index) =>
        KindAt(index) == SyntaxKind.IdentifierToken
        && (CSyntaxFacts.StartsDeclarationSpecifiers(KeywordAt(index)) || IsTypedefNameAt(index));

    /// <summary>A type name can start here (C11 6.7.7): type specifiers, qualifiers, attributes, typedef names.</summary>
    private bool StartsTypeNameAt(int index) =>
        KindAt(index) == SyntaxKind.IdentifierToken
        && (CSyntaxFacts.StartsTypeName(KeywordAt(index)) || IsTypedefNameAt(index));

    /// <summary>
    /// struct-or-union-specifier (C11 6.7.2.1) with GNU attributes after the
    /// keyword and after the closing brace. Slots: keyword, attributes, tag,
    /// '{', members, '}', attributes.
    /// </summary>
    private GreenNode ParseStructOrUnionSpecifier()
    {
        var kind = CurrentKeyword == CKeyword.Struct ? SyntaxKind.StructSpecifier : SyntaxKind.UnionSpecifier;
        var keyword = EatToken();
        var attributes = ParseAttributesOpt();
        var tag = IsNameAt(_position) ? EatToken() : null;
        if (CurrentKind != SyntaxKind.OpenBraceToken)
        {
            if (tag is null) ReportExpected("'{'");
            return Node(kind, keyword, attributes, tag, null, null, null, null);
        }
        if (!TryEnter()) return Node(kind, keyword, attributes, tag, null, null, null, null);
        var open = EatToken();
        var members = ParseMemberList();
        var close = Expect(SyntaxKind.CloseBraceToken, "'}'");
        var trailing = close is null ? null : ParseAttributesOpt();
        Leave();
        return Node(kind, keyword, attributes, tag, open, members, close, trailing);
    }

    private GreenNode? ParseMemberList()
    {
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseBraceToken && !AtEnd)
        {
            var start = _position;
            if (CurrentKind == SyntaxKind.SemicolonToken) items.Add(Node(SyntaxKind.EmptyDeclaration, EatToken()));
            else if (CurrentKind == SyntaxKind.HashToken) items.Add(ParsePreprocessorLine());
            else if (StartsStaticAssert()) items.Add(ParseStaticAssert());
            else if (ParseMemberDeclaration() is { } member) items.Add(member);
            if (_position == start && SkipDeclaration(inBlock: true) is { } skipped) items.Add(skipped);
        }
        return ToList(items);
    }

    /// <summary>
    /// struct-declaration (C11 6.7.2.1): specifiers, then member declarators
    /// "declarator attributes?" or "declarator? : width attributes?". Returns
    /// null, reporting, when there are no specifiers.
    /// </summary>
    private GreenNode? ParseMemberDeclaration()
    {
        var specifiers = ParseDeclarationSpecifiers(SpecifierContext.Member, out var info);
        if (specifiers is null)
        {
            ReportExpected("specifier-qualifier-list");
            return null;
        }
        var items = RentList();
        if (CurrentKind is not (SyntaxKind.SemicolonToken or SyntaxKind.CloseBraceToken))
        {
            while (true)
            {
                var declarator = CurrentKind == SyntaxKind.ColonToken ? null : ParseDeclarator(DeclaratorKind.Normal, info.TypeSeen);
                var colon = TryEat(SyntaxKind.ColonToken);
                var width = colon is null ? null : ParseConditionalExpression();
                var attributes = ParseAttributesOpt();
                if (declarator is null && colon is null) break;
                items.Add(Node(SyntaxKind.MemberDeclarator, declarator, colon, width, attributes));
                if (CurrentKind != SyntaxKind.CommaToken) break;
                items.Add(EatToken());
            }
        }
        var declarators = ToList(items);
        GreenToken? semicolon = null;
        if (CurrentKind == SyntaxKind.SemicolonToken) semicolon = EatToken();
        else if (CurrentKind == SyntaxKind.CloseBraceToken) ReportAt(_position, ParserDiagnostics.NoSemicolonAtEndOfStruct);
        else ReportExpected("',', ';' or '}'");
        return Node(SyntaxKind.MemberDeclaration, specifiers, declarators, semicolon);
    }

    /// <summary>
    /// enum-specifier (C11 6.7.2.2): keyword, attributes, tag, '{',
    /// enumerators (with GNU attributes, a trailing comma allowed), '}', attributes.
    /// </summary>
    private GreenNode ParseEnumSpecifier()
    {
        var keyword = EatToken();
        var attributes = ParseAttributesOpt();
        var tag = IsNameAt(_position) ? EatToken() : null;
        if (CurrentKind != SyntaxKind.OpenBraceToken)
        {
            if (tag is null) ReportExpected("'{'");
            return Node(SyntaxKind.EnumSpecifier, keyword, attributes, tag, null, null, null, null);
        }
        var open = EatToken();
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseBraceToken && !AtEnd)
        {
            if (IsNameAt(_position))
            {
                var name = EatToken();
                _scopes.DeclareOrdinary(name.Name);
                var enumeratorAttributes = ParseAttributesOpt();
                var equals = TryEat(SyntaxKind.EqualsToken);
                var value = equals is null ? null : ParseConditionalExpression();
                items.Add(Node(SyntaxKind.Enumerator, name, enumeratorAttributes, equals, value));
                if (CurrentKind == SyntaxKind.CloseBraceToken) break;
                if (CurrentKind != SyntaxKind.CommaToken) ReportExpected("',' or '}'");
            }
            else
            {
                ReportExpected("identifier");
            }
            if (SkipUntil(StopAt.Comma | StopAt.CloseBrace) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
        var enumerators = ToList(items);
        var close = Expect(SyntaxKind.CloseBraceToken, "'}'");
        var trailing = close is null ? null : ParseAttributesOpt();
        return Node(SyntaxKind.EnumSpecifier, keyword, attributes, tag, open, enumerators, close, trailing);
    }

    /// <summary>
    /// keyword ( type-name-or-expression ): typeof (GCC "Typeof"), _Alignas
    /// (C11 6.7.5) and _Atomic ( type-name ) (C11 6.7.2.4). Whether it is a
    /// type is decided by the first token, as gcc does.
    /// </summary>
    private GreenNode ParseParenthesizedTypeSpecifier(SyntaxKind kind, bool allowExpression)
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(kind, keyword, null, null, null);
        GreenNode operand;
        if (!allowExpression || StartsTypeNameAt(_position)) operand = ParseTypeName();
        else if (kind == SyntaxKind.AlignasSpecifier) operand = ParseConditionalExpression();
        else operand = ParseExpression();
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(kind, keyword, open, operand, close);
    }
}
