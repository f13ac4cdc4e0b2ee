using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>GNU attributes (GCC "Attribute Syntax") and asm labels (GCC "Asm Labels").</summary>
internal sealed partial class Parser
{
    /// <summary>Zero or more attribute specifiers as a list, or null.</summary>
    private GreenNode? ParseAttributesOpt()
    {
        if (CurrentKeyword != CKeyword.Attribute) return null;
        var items = RentList();
        while (CurrentKeyword == CKeyword.Attribute) items.Add(ParseAttributeSpecifier());
        return ToList(items);
    }

    /// <summary>
    /// __attribute__ (( attribute-list )). Slots: keyword, '(', '(', list, ')', ')'.
    /// The list separates attributes with commas and may have empty elements,
    /// as gcc allows ("__attribute__((,packed,))").
    /// </summary>
    private GreenNode ParseAttributeSpecifier()
    {
        var keyword = EatToken();
        var open1 = Expect(SyntaxKind.OpenParenToken, "'('");
        var open2 = open1 is null ? null : Expect(SyntaxKind.OpenParenToken, "'('");
        if (open2 is null) return Node(SyntaxKind.AttributeSpecifier, keyword, open1, null, null, null, null);
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseParenToken && !AtEnd)
        {
            if (CurrentKind == SyntaxKind.CommaToken)
            {
                items.Add(EatToken());
                continue;
            }
            if (CurrentKind == SyntaxKind.IdentifierToken)
            {
                // Any identifier or keyword names an attribute: "const", "__noreturn__".
                items.Add(ParseAttribute());
                if (CurrentKind is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken) continue;
                ReportExpected("')'");
            }
            else
            {
                ReportExpected("identifier");
            }
            if (SkipUntil(StopAt.Comma | StopAt.CloseParen) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken) break;
        }
        var attributes = ToList(items);
        var close1 = Expect(SyntaxKind.CloseParenToken, "')'");
        var close2 = close1 is null ? null : Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.AttributeSpecifier, keyword, open1, open2, attributes, close1, close2);
    }

    /// <summary>An attribute: name, then optionally ( arguments ). Slots: name, '(', arguments, ')'.</summary>
    private GreenNode ParseAttribute()
    {
        var name = EatToken();
        if (CurrentKind != SyntaxKind.OpenParenToken) return Node(SyntaxKind.Attribute, name, null, null, null);
        var open = EatToken();
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseParenToken && !AtEnd)
        {
            var start = _position;
            items.Add(ParseAttributeArgument());
            if (CurrentKind == SyntaxKind.CommaToken)
            {
                items.Add(EatToken());
                continue;
            }
            if (CurrentKind == SyntaxKind.CloseParenToken) break;
            ReportExpected("')'");
            if (SkipUntil(StopAt.Comma | StopAt.CloseParen) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken || _position == start) break;
            items.Add(EatToken());
        }
        var arguments = ToList(items);
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.Attribute, name, open, arguments, close);
    }

    /// <summary>
    /// An argument is an expression; a lone identifier (mode(QI), format(printf, 1, 2),
    /// cleanup(f)) is kept as a name whatever it names, but, as in gcc, not a
    /// typedef name, which is an error where an expression is expected.
    /// </summary>
    private GreenNode ParseAttributeArgument()
    {
        if (IsNameAt(_position) && !IsTypedefNameAt(_position) && PeekKind(1) is SyntaxKind.CommaToken or SyntaxKind.CloseParenToken)
        {
            return Node(SyntaxKind.IdentifierName, EatToken());
        }
        return ParseAssignmentExpression();
    }

    /// <summary>asm ( string-literal ) after a declarator, naming its assembler symbol. Slots: keyword, '(', string, ')'.</summary>
    private GreenNode? ParseAsmLabelOpt()
    {
        if (CurrentKeyword != CKeyword.Asm) return null;
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.AsmLabel, keyword, null, null, null);
        GreenNode? name = null;
        if (CurrentKind == SyntaxKind.StringLiteralToken) name = ParseStringLiteral();
        else ReportExpected("string literal");
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.AsmLabel, keyword, open, name, close);
    }
}
