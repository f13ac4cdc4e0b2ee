using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

internal sealed partial class Parser
{
    /// <summary>Tokens that end a skip inside a bracketed list (checked outside any nested brackets).</summary>
    [Flags]
    private enum StopAt
    {
        None = 0,
        Comma = 1,
        CloseParen = 2,
        CloseBracket = 4,
        CloseBrace = 8,
    }

    /// <summary>
    /// Skips tokens inside a list until one of <paramref name="stops"/> at the
    /// list's own nesting level, without consuming it. It never crosses what
    /// must belong to an enclosing construct: a ';' outside braces or a closing
    /// bracket that was not opened here. Returns a <see cref="SyntaxKind.SkippedTokens"/>
    /// node, or null when nothing was skipped.
    /// </summary>
    private GreenNode? SkipUntil(StopAt stops)
    {
        var items = RentList();
        var parens = 0;
        var braces = 0;
        while (!AtEnd)
        {
            var kind = CurrentKind;
            if (braces == 0)
            {
                if (kind == SyntaxKind.SemicolonToken || kind == SyntaxKind.CloseBraceToken) break;
                if (parens == 0 && (IsStop(kind, stops) || kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken)) break;
            }
            switch (kind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken:
                    parens++;
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken:
                    if (parens > 0) parens--;
                    break;
                case SyntaxKind.OpenBraceToken:
                    braces++;
                    break;
                case SyntaxKind.CloseBraceToken:
                    braces--;
                    break;
            }
            items.Add(EatToken());
        }
        return ToNode(SyntaxKind.SkippedTokens, items);
    }

    private static bool IsStop(SyntaxKind kind, StopAt stops) => kind switch
    {
        SyntaxKind.CommaToken => (stops & StopAt.Comma) != 0,
        SyntaxKind.CloseParenToken => (stops & StopAt.CloseParen) != 0,
        SyntaxKind.CloseBracketToken => (stops & StopAt.CloseBracket) != 0,
        SyntaxKind.CloseBraceToken => (stops & StopAt.CloseBrace) != 0,
        _ => false,
    };

    /// <summary>
    /// Skips a broken declaration: through the next ';' outside braces, or
    /// through a '}' that closes the braces opened here when no declarator
    /// follows it, or up to a keyword that can only start a new declaration.
    /// With <paramref name="inBlock"/>, stops before a '}' that closes the
    /// enclosing struct or union. Always consumes at least one token unless at
    /// the end or (in a block) at that '}'.
    /// </summary>
    private GreenNode? SkipDeclaration(bool inBlock)
    {
        var items = RentList();
        var braces = 0;
        var parens = 0;
        while (!AtEnd)
        {
            var kind = CurrentKind;
            if (kind == SyntaxKind.CloseBraceToken && braces == 0 && inBlock) break;
            if (items.Count > 0 && braces == 0 && parens == 0 && StartsDeclarationWithKeyword()) break;
            items.Add(EatToken());
            if (kind == SyntaxKind.SemicolonToken && braces == 0) break;
            if (kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken) parens++;
            else if (kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken && parens > 0) parens--;
            else if (kind == SyntaxKind.OpenBraceToken) braces++;
            else if (kind == SyntaxKind.CloseBraceToken && braces > 0)
            {
                braces--;
                if (braces == 0 && !ContinuesDeclarationAfterBrace()) break;
            }
        }
        return ToNode(SyntaxKind.SkippedTokens, items);
    }

    /// <summary>Keywords that begin a declaration and cannot continue a broken one: storage classes, type keywords, tags, _Static_assert.</summary>
    private bool StartsDeclarationWithKeyword()
    {
        var keyword = CurrentKeyword;
        return CSyntaxFacts.IsStorageClass(keyword) || CSyntaxFacts.IsSimpleTypeSpecifier(keyword)
            || keyword is CKeyword.Struct or CKeyword.Union or CKeyword.Enum or CKeyword.Extension or CKeyword.StaticAssert;
    }

    /// <summary>After "... }", tokens that mean the declaration goes on: "} x;", "} *p, q = 1;", "};".</summary>
    private bool ContinuesDeclarationAfterBrace() =>
        CurrentKind is SyntaxKind.SemicolonToken or SyntaxKind.CommaToken or SyntaxKind.EqualsToken or SyntaxKind.AsteriskToken
        || (IsNameAt(_position) && !IsTypedefNameAt(_position))
        || CurrentKeyword == CKeyword.Attribute;

    /// <summary>Consumes a '{' ... '}' group as it stands, counting only braces (a body or statement expression is not parsed).</summary>
    private GreenNode ParseUnparsedBlock()
    {
        var open = EatToken();
        var items = RentList();
        var depth = 1;
        while (!AtEnd)
        {
            var kind = CurrentKind;
            if (kind == SyntaxKind.OpenBraceToken) depth++;
            else if (kind == SyntaxKind.CloseBraceToken && --depth == 0) break;
            items.Add(EatToken());
        }
        var body = ToList(items);
        var close = Expect(SyntaxKind.CloseBraceToken, "'}'");
        return Node(SyntaxKind.UnparsedBlock, open, body, close);
    }
}
