namespace LayoutExpert.Syntax.Lexing;

public sealed partial class Lexer
{
    /// <summary>The longest punctuator at the current position (C11 6.4p4, maximal munch), digraphs included (6.4.6p3).</summary>
    private SyntaxKind LexPunctuator()
    {
        var c = Peek();
        Advance();
        switch (c)
        {
            case '[': return SyntaxKind.OpenBracketToken;
            case ']': return SyntaxKind.CloseBracketToken;
            case '(': return SyntaxKind.OpenParenToken;
            case ')': return SyntaxKind.CloseParenToken;
            case '{': return SyntaxKind.OpenBraceToken;
            case '}': return SyntaxKind.CloseBraceToken;
            case '~': return SyntaxKind.TildeToken;
            case '?': return SyntaxKind.QuestionToken;
            case ';': return SyntaxKind.SemicolonToken;
            case ',': return SyntaxKind.CommaToken;
            case '.':
                if (Peek() == '.' && PeekSecond() == '.')
                {
                    Advance();
                    Advance();
                    return SyntaxKind.DotDotDotToken;
                }
                return SyntaxKind.DotToken;
            case '-':
                return Peek() switch
                {
                    '>' => Take(SyntaxKind.ArrowToken),
                    '-' => Take(SyntaxKind.MinusMinusToken),
                    '=' => Take(SyntaxKind.MinusEqualsToken),
                    _ => SyntaxKind.MinusToken,
                };
            case '+':
                return Peek() switch
                {
                    '+' => Take(SyntaxKind.PlusPlusToken),
                    '=' => Take(SyntaxKind.PlusEqualsToken),
                    _ => SyntaxKind.PlusToken,
                };
            case '&':
                return Peek() switch
                {
                    '&' => Take(SyntaxKind.AmpersandAmpersandToken),
                    '=' => Take(SyntaxKind.AmpersandEqualsToken),
                    _ => SyntaxKind.AmpersandToken,
                };
            case '|':
                return Peek() switch
                {
                    '|' => Take(SyntaxKind.BarBarToken),
                    '=' => Take(SyntaxKind.BarEqualsToken),
                    _ => SyntaxKind.BarToken,
                };
            case '*': return Peek() == '=' ? Take(SyntaxKind.AsteriskEqualsToken) : SyntaxKind.AsteriskToken;
            case '/': return Peek() == '=' ? Take(SyntaxKind.SlashEqualsToken) : SyntaxKind.SlashToken;
            case '^': return Peek() == '=' ? Take(SyntaxKind.CaretEqualsToken) : SyntaxKind.CaretToken;
            case '!': return Peek() == '=' ? Take(SyntaxKind.ExclamationEqualsToken) : SyntaxKind.ExclamationToken;
            case '=': return Peek() == '=' ? Take(SyntaxKind.EqualsEqualsToken) : SyntaxKind.EqualsToken;
            case '#': return Peek() == '#' ? Take(SyntaxKind.HashHashToken) : SyntaxKind.HashToken;
            case '<':
                return Peek() switch
                {
                    '<' when PeekSecond() == '=' => Take2(SyntaxKind.LessLessEqualsToken),
                    '<' => Take(SyntaxKind.LessLessToken),
                    '=' => Take(SyntaxKind.LessEqualsToken),
                    ':' => Take(SyntaxKind.OpenBracketToken),
                    '%' => Take(SyntaxKind.OpenBraceToken),
                    _ => SyntaxKind.LessToken,
                };
            case '>':
                return Peek() switch
                {
                    '>' when PeekSecond() == '=' => Take2(SyntaxKind.GreaterGreaterEqualsToken),
                    '>' => Take(SyntaxKind.GreaterGreaterToken),
                    '=' => Take(SyntaxKind.GreaterEqualsToken),
                    _ => SyntaxKind.GreaterToken,
                };
            case ':': return Peek() == '>' ? Take(SyntaxKind.CloseBracketToken) : SyntaxKind.ColonToken;
            case '%':
                return Peek() switch
                {
                    '=' => Take(SyntaxKind.PercentEqualsToken),
                    '>' => Take(SyntaxKind.CloseBraceToken),
                    ':' when PeekSecond() == '%' && PeekThird() == ':' => Take3(SyntaxKind.HashHashToken),
                    ':' => Take(SyntaxKind.HashToken),
                    _ => SyntaxKind.PercentToken,
                };
            default:
                return SyntaxKind.OtherToken;
        }
    }

    private SyntaxKind Take(SyntaxKind kind)
    {
        Advance();
        return kind;
    }

    private SyntaxKind Take2(SyntaxKind kind)
    {
        Advance();
        Advance();
        return kind;
    }

    private SyntaxKind Take3(SyntaxKind kind)
    {
        Advance();
        Advance();
        Advance();
        return kind;
    }

    private char PeekThird()
    {
        var p = _position;
        CharAt(ref p);
        p++;
        CharAt(ref p);
        p++;
        return CharAt(ref p);
    }
}
