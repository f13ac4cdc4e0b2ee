using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>Expressions (C11 6.5) with the GNU additions: statement expressions, ?: without a middle, __builtin_* forms, &amp;&amp;label.</summary>
internal sealed partial class Parser
{
    /// <summary>expression: assignment-expressions joined by ',' (a left-nested <see cref="SyntaxKind.BinaryExpression"/>).</summary>
    private GreenNode ParseExpression()
    {
        var left = ParseAssignmentExpression();
        var chain = 0;
        while (CurrentKind == SyntaxKind.CommaToken && ExtendChain(ref chain))
        {
            var comma = EatToken();
            left = Node(SyntaxKind.BinaryExpression, left, comma, ParseAssignmentExpression());
        }
        EndChain(chain);
        return left;
    }

    /// <summary>assignment-expression (C11 6.5.16), right-associative.</summary>
    private GreenNode ParseAssignmentExpression()
    {
        var left = ParseConditionalExpression();
        if (!IsAssignmentOperator(CurrentKind) || !TryEnter()) return left;
        var op = EatToken();
        var right = ParseAssignmentExpression();
        Leave();
        return Node(SyntaxKind.AssignmentExpression, left, op, right);
    }

    private static bool IsAssignmentOperator(SyntaxKind kind) => kind is SyntaxKind.EqualsToken
        or SyntaxKind.AsteriskEqualsToken or SyntaxKind.SlashEqualsToken or SyntaxKind.PercentEqualsToken
        or SyntaxKind.PlusEqualsToken or SyntaxKind.MinusEqualsToken or SyntaxKind.LessLessEqualsToken
        or SyntaxKind.GreaterGreaterEqualsToken or SyntaxKind.AmpersandEqualsToken or SyntaxKind.CaretEqualsToken
        or SyntaxKind.BarEqualsToken;

    /// <summary>conditional-expression (C11 6.5.15); GNU lets the middle operand go ("a ?: b"). Slots: condition, '?', middle, ':', last.</summary>
    private GreenNode ParseConditionalExpression()
    {
        var condition = ParseBinaryExpression(1);
        if (CurrentKind != SyntaxKind.QuestionToken || !TryEnter()) return condition;
        var question = EatToken();
        var whenTrue = CurrentKind == SyntaxKind.ColonToken ? null : ParseExpression();
        var colon = Expect(SyntaxKind.ColonToken, "':'");
        var whenFalse = colon is null ? null : ParseConditionalExpression();
        Leave();
        return Node(SyntaxKind.ConditionalExpression, condition, question, whenTrue, colon, whenFalse);
    }

    /// <summary>Binary operators by precedence climbing (C11 6.5.5-6.5.14), left-associative.</summary>
    private GreenNode ParseBinaryExpression(int minimumPrecedence)
    {
        var left = ParseCastExpression();
        var chain = 0;
        while (BinaryPrecedence(CurrentKind) is var precedence && precedence >= minimumPrecedence && precedence > 0)
        {
            if (!ExtendChain(ref chain)) break;
            var op = EatToken();
            var right = ParseBinaryExpression(precedence + 1);
            left = Node(SyntaxKind.BinaryExpression, left, op, right);
        }
        EndChain(chain);
        return left;
    }

    private static int BinaryPrecedence(SyntaxKind kind) => kind switch
    {
        SyntaxKind.BarBarToken => 1,
        SyntaxKind.AmpersandAmpersandToken => 2,
        SyntaxKind.BarToken => 3,
        SyntaxKind.CaretToken => 4,
        SyntaxKind.AmpersandToken => 5,
        SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken => 6,
        SyntaxKind.LessToken or SyntaxKind.GreaterToken or SyntaxKind.LessEqualsToken or SyntaxKind.GreaterEqualsToken => 7,
        SyntaxKind.LessLessToken or SyntaxKind.GreaterGreaterToken => 8,
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => 9,
        SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken => 10,
        _ => 0,
    };

    /// <summary>
    /// cast-expression (C11 6.5.4): "( type-name )" then a cast operand, or a
    /// compound literal "( type-name ) { ... }" (6.5.2.5) with its postfix
    /// operators; a '(' that does not start a type name is a parenthesised
    /// expression, decided by the token after it, as gcc does.
    /// </summary>
    private GreenNode ParseCastExpression()
    {
        if (CurrentKind != SyntaxKind.OpenParenToken || !StartsTypeNameAt(_position + 1)) return ParseUnaryExpression();
        if (!TryEnter()) return ErrorExpression();
        var open = EatToken();
        var type = ParseTypeName();
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        GreenNode result;
        if (close is not null && CurrentKind == SyntaxKind.OpenBraceToken)
        {
            result = ParsePostfixSuffixes(Node(SyntaxKind.CompoundLiteral, open, type, close, ParseInitializerList()));
        }
        else
        {
            var operand = close is null ? null : ParseCastExpression();
            result = Node(SyntaxKind.CastExpression, open, type, close, operand);
        }
        Leave();
        return result;
    }

    /// <summary>unary-expression (C11 6.5.3) plus __extension__, __real__, __imag__ and &amp;&amp;label.</summary>
    private GreenNode ParseUnaryExpression()
    {
        if (!TryEnter()) return ErrorExpression();
        var result = ParseUnaryExpressionCore();
        Leave();
        return result;
    }

    private GreenNode ParseUnaryExpressionCore()
    {
        switch (CurrentKind)
        {
            case SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken:
                return Node(SyntaxKind.PrefixUnaryExpression, EatToken(), ParseUnaryExpression());
            case SyntaxKind.AmpersandToken or SyntaxKind.AsteriskToken or SyntaxKind.PlusToken or SyntaxKind.MinusToken
                or SyntaxKind.TildeToken or SyntaxKind.ExclamationToken:
                return Node(SyntaxKind.PrefixUnaryExpression, EatToken(), ParseCastExpression());
            case SyntaxKind.AmpersandAmpersandToken when IsNameAt(_position + 1):
                // GCC "Labels as Values".
                var op = EatToken();
                return Node(SyntaxKind.PrefixUnaryExpression, op, Node(SyntaxKind.IdentifierName, EatToken()));
        }
        switch (CurrentKeyword)
        {
            case CKeyword.Sizeof:
                return ParseSizeofOrAlignof(SyntaxKind.SizeofExpression, SyntaxKind.SizeofTypeExpression);
            case CKeyword.Alignof:
                return ParseSizeofOrAlignof(SyntaxKind.AlignofExpression, SyntaxKind.AlignofTypeExpression);
            case CKeyword.Extension or CKeyword.Real or CKeyword.Imag:
                return Node(SyntaxKind.PrefixUnaryExpression, EatToken(), ParseCastExpression());
        }
        return ParsePostfixSuffixes(ParsePrimaryExpression());
    }

    /// <summary>sizeof / _Alignof of an expression or of "( type-name )"; "sizeof (T){...}" is of a compound literal.</summary>
    private GreenNode ParseSizeofOrAlignof(SyntaxKind ofExpression, SyntaxKind ofType)
    {
        var keyword = EatToken();
        if (CurrentKind == SyntaxKind.OpenParenToken && StartsTypeNameAt(_position + 1))
        {
            var open = EatToken();
            var type = ParseTypeName();
            var close = Expect(SyntaxKind.CloseParenToken, "')'");
            if (close is not null && CurrentKind == SyntaxKind.OpenBraceToken)
            {
                var literal = ParsePostfixSuffixes(Node(SyntaxKind.CompoundLiteral, open, type, close, ParseInitializerList()));
                return Node(ofExpression, keyword, literal);
            }
            return Node(ofType, keyword, open, type, close);
        }
        return Node(ofExpression, keyword, ParseUnaryExpression());
    }

    /// <summary>Postfix operators (C11 6.5.2), left-nested: [ ], ( ), ., ->, ++, --.</summary>
    private GreenNode ParsePostfixSuffixes(GreenNode expression)
    {
        var chain = 0;
        while (true)
        {
            var kind = CurrentKind;
            if (kind is not (SyntaxKind.OpenBracketToken or SyntaxKind.OpenParenToken or SyntaxKind.DotToken
                or SyntaxKind.ArrowToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)) break;
            if (!ExtendChain(ref chain)) break;
            switch (kind)
            {
                case SyntaxKind.OpenBracketToken:
                    var open = EatToken();
                    var index = ParseExpression();
                    expression = Node(SyntaxKind.SubscriptExpression, expression, open, index, Expect(SyntaxKind.CloseBracketToken, "']'"));
                    break;
                case SyntaxKind.OpenParenToken:
                    expression = ParseCallSuffix(expression);
                    break;
                case SyntaxKind.DotToken or SyntaxKind.ArrowToken:
                    var op = EatToken();
                    expression = Node(SyntaxKind.MemberAccessExpression, expression, op, ExpectName());
                    break;
                default:
                    expression = Node(SyntaxKind.PostfixUnaryExpression, expression, EatToken());
                    break;
            }
            // After a missing ']' or ')', what follows is not more of this expression.
            if (expression.GetSlot(expression.SlotCount - 1) is null) break;
        }
        EndChain(chain);
        return expression;
    }

    /// <summary>
    /// A call. Arguments are assignment-expressions; for a callee named
    /// __builtin_* an argument may be a type name, as gcc's builtins that take
    /// types do (__builtin_convertvector, __builtin_has_attribute...).
    /// Slots: callee, '(', arguments, ')'.
    /// </summary>
    private GreenNode ParseCallSuffix(GreenNode callee)
    {
        var open = EatToken();
        var takesTypes = callee.Kind == SyntaxKind.IdentifierName
            && ((GreenToken)callee.GetSlot(0)!).Text.StartsWith("__builtin_", StringComparison.Ordinal);
        var items = RentList();
        while (CurrentKind != SyntaxKind.CloseParenToken && !AtEnd)
        {
            items.Add(takesTypes && StartsTypeNameAt(_position) ? ParseTypeName() : ParseAssignmentExpression());
            if (CurrentKind == SyntaxKind.CommaToken)
            {
                items.Add(EatToken());
                continue;
            }
            if (CurrentKind == SyntaxKind.CloseParenToken) break;
            ReportExpected("')'");
            if (SkipUntil(StopAt.Comma | StopAt.CloseParen) is { } skipped) items.Add(skipped);
            if (CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
        var arguments = ToList(items);
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.CallExpression, callee, open, arguments, close);
    }

    /// <summary>primary-expression (C11 6.5.1), GNU statement expressions and the builtins gcc parses as syntax.</summary>
    private GreenNode ParsePrimaryExpression()
    {
        switch (CurrentKind)
        {
            case SyntaxKind.PPNumberToken:
                return Node(SyntaxKind.NumberLiteral, EatToken());
            case SyntaxKind.CharacterLiteralToken:
                return Node(SyntaxKind.CharacterLiteral, EatToken());
            case SyntaxKind.StringLiteralToken:
                return ParseStringLiteral();
            case SyntaxKind.OpenParenToken when PeekKind(1) == SyntaxKind.OpenBraceToken:
                // GCC "Statements and Declarations in Expressions": the block is kept as tokens.
                var open = EatToken();
                var block = ParseUnparsedBlock();
                return Node(SyntaxKind.StatementExpression, open, block, Expect(SyntaxKind.CloseParenToken, "')'"));
            case SyntaxKind.OpenParenToken:
                var openParen = EatToken();
                var inner = ParseExpression();
                return Node(SyntaxKind.ParenthesizedExpression, openParen, inner, Expect(SyntaxKind.CloseParenToken, "')'"));
            case SyntaxKind.IdentifierToken:
                switch (CurrentKeyword)
                {
                    case CKeyword.None when !IsTypedefNameAt(_position):
                        return Node(SyntaxKind.IdentifierName, EatToken());
                    case CKeyword.Generic:
                        return ParseGenericSelection();
                    case CKeyword.BuiltinOffsetof:
                        return ParseOffsetof();
                    case CKeyword.BuiltinTypesCompatibleP:
                        return ParseTypesCompatible();
                    case CKeyword.BuiltinChooseExpr:
                        return ParseChooseExpression();
                    case CKeyword.BuiltinVaArg:
                        return ParseVaArg();
                }
                break;
        }
        ReportExpected("expression");
        return ErrorExpression();
    }

    /// <summary>Adjacent string literals, concatenated in translation phase 6 (C11 5.1.1.2p1): one node, one slot per token.</summary>
    private GreenNode ParseStringLiteral()
    {
        var items = RentList();
        while (CurrentKind == SyntaxKind.StringLiteralToken) items.Add(EatToken());
        return ToNode(SyntaxKind.StringLiteralExpression, items)!;
    }

    /// <summary>_Generic ( expr , associations ) (C11 6.5.1.1). Slots: keyword, '(', controlling expression, ',', associations, ')'.</summary>
    private GreenNode ParseGenericSelection()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.GenericSelection, keyword, null, null, null, null, null);
        var controlling = ParseAssignmentExpression();
        var comma = Expect(SyntaxKind.CommaToken, "','");
        var items = RentList();
        while (comma is not null && !AtEnd)
        {
            GreenNode? type = CurrentKeyword == CKeyword.Default ? EatToken() : ParseTypeName();
            var colon = Expect(SyntaxKind.ColonToken, "':'");
            var value = colon is null ? null : ParseAssignmentExpression();
            items.Add(Node(SyntaxKind.GenericAssociation, type, colon, value));
            if (colon is null || CurrentKind != SyntaxKind.CommaToken) break;
            items.Add(EatToken());
        }
        var associations = ToList(items);
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.GenericSelection, keyword, open, controlling, comma, associations, close);
    }

    /// <summary>__builtin_offsetof ( type-name , member-designator ). Slots: keyword, '(', type, ',', designators, ')'.</summary>
    private GreenNode ParseOffsetof()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.OffsetofExpression, keyword, null, null, null, null, null);
        var type = ParseTypeName();
        var comma = Expect(SyntaxKind.CommaToken, "','");
        GreenNode? designators = null;
        if (comma is not null)
        {
            var items = RentList();
            var first = ExpectName();
            if (first is not null)
            {
                items.Add(Node(SyntaxKind.FieldDesignator, null, first));
                ParseDesignatorsInto(items);
            }
            designators = ToList(items);
        }
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.OffsetofExpression, keyword, open, type, comma, designators, close);
    }

    /// <summary>__builtin_types_compatible_p ( type-name , type-name ). Slots: keyword, '(', type, ',', type, ')'.</summary>
    private GreenNode ParseTypesCompatible()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.TypesCompatibleExpression, keyword, null, null, null, null, null);
        var first = ParseTypeName();
        var comma = Expect(SyntaxKind.CommaToken, "','");
        var second = comma is null ? null : ParseTypeName();
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.TypesCompatibleExpression, keyword, open, first, comma, second, close);
    }

    /// <summary>__builtin_choose_expr ( constant , expr , expr ). Slots: keyword, '(', condition, ',', first, ',', second, ')'.</summary>
    private GreenNode ParseChooseExpression()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.ChooseExpression, keyword, null, null, null, null, null, null, null);
        var condition = ParseAssignmentExpression();
        var comma1 = Expect(SyntaxKind.CommaToken, "','");
        var first = comma1 is null ? null : ParseAssignmentExpression();
        var comma2 = comma1 is null ? null : Expect(SyntaxKind.CommaToken, "','");
        var second = comma2 is null ? null : ParseAssignmentExpression();
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.ChooseExpression, keyword, open, condition, comma1, first, comma2, second, close);
    }

    /// <summary>__builtin_va_arg ( expr , type-name ). Slots: keyword, '(', expression, ',', type, ')'.</summary>
    private GreenNode ParseVaArg()
    {
        var keyword = EatToken();
        var open = Expect(SyntaxKind.OpenParenToken, "'('");
        if (open is null) return Node(SyntaxKind.VaArgExpression, keyword, null, null, null, null, null);
        var list = ParseAssignmentExpression();
        var comma = Expect(SyntaxKind.CommaToken, "','");
        var type = comma is null ? null : ParseTypeName();
        var close = Expect(SyntaxKind.CloseParenToken, "')'");
        return Node(SyntaxKind.VaArgExpression, keyword, open, list, comma, type, close);
    }
}
