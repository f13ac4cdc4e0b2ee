using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Initializers (C11 6.7.9) with GNU designator forms: ranges "[a ... b]", "[i] x" and "field: x".</summary>
internal sealed partial class Parser
{
    private GreenNode ParseInitializer() =>
        CurrentKind == SyntaxKind.OpenBraceToken ? ParseInitializerList() : ParseAssignmentExpression();

    /// <summary>{ items } with items separated by commas, a trailing comma and "{}" allowed. Slots: '{', items, '}'.</summary>
    private GreenNode ParseInitializerList()
    {
        if (!TryEnter()) return ErrorExpression();
        var open = EatToken();
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseBraceToken && !AtEnd)
        {
            items.Add(ParseInitializerItem());
            if (CurrentKind == SyntaxKind.CommaToken)
            {
                items.Add(EatToken());
                continue;
            }
            if (CurrentKind == SyntaxKind.CloseBraceToken) break;
            ReportExpected("'}'");
            if (SkipUntil(StopAt.Comma | StopAt.CloseBrace) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
        var list = ToList(items);
        var close = Expect(SyntaxKind.CloseBraceToken, "'}'");
        Leave();
        return Node(SyntaxKind.InitializerList, open, list, close);
    }

    /// <summary>designation? initializer. Slots of a designated one: designators, '=' (or ':' in the old GNU form, or none), initializer.</summary>
    private GreenNode ParseInitializerItem()
    {
        if (CurrentKind is SyntaxKind.DotToken or SyntaxKind.OpenBracketToken)
        {
            var items = RentList();
            ParseDesignatorsInto(items);
            var designators = ToList(items);
            var equals = TryEat(SyntaxKind.EqualsToken);
            return Node(SyntaxKind.DesignatedInitializer, designators, equals, ParseInitializer());
        }
        if (IsNameAt(_position) && PeekKind(1) == SyntaxKind.ColonToken)
        {
            // The obsolete GNU "field: value" form.
            var field = Node(SyntaxKind.FieldDesignator, null, EatToken());
            var designators = Node(SyntaxKind.List, field);
            var colon = EatToken();
            return Node(SyntaxKind.DesignatedInitializer, designators, colon, ParseInitializer());
        }
        return ParseInitializer();
    }

    /// <summary>".name" (slots '.', name) and "[index]" or "[first ... last]" (slots '[', index, '...', last, ']').</summary>
    private void ParseDesignatorsInto(List<GreenNode> items)
    {
        while (true)
        {
            if (CurrentKind == SyntaxKind.DotToken)
            {
                var dot = EatToken();
                items.Add(Node(SyntaxKind.FieldDesignator, dot, ExpectName()));
            }
            else if (CurrentKind == SyntaxKind.OpenBracketToken)
            {
                var open = EatToken();
                var index = ParseConditionalExpression();
                var ellipsis = TryEat(SyntaxKind.DotDotDotToken);
                var last = ellipsis is null ? null : ParseConditionalExpression();
                var close = Expect(SyntaxKind.CloseBracketToken, "']'");
                items.Add(Node(SyntaxKind.ArrayDesignator, open, index, ellipsis, last, close));
            }
            else
            {
                return;
            }
        }
    }
}
