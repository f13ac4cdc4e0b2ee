namespace LayoutExpert.Syntax;

/// <summary>The one source of truth about kinds: punctuator spellings, classification, identifier characters.</summary>
public static class SyntaxFacts
{
    public static bool IsTrivia(SyntaxKind kind) => kind is >= SyntaxKind.WhitespaceTrivia and <= SyntaxKind.LineCommentTrivia;

    public static bool IsToken(SyntaxKind kind) => kind is >= SyntaxKind.EndOfFileToken and <= SyntaxKind.HashHashToken;

    public static bool IsPunctuator(SyntaxKind kind) => kind is >= SyntaxKind.OpenBracketToken and <= SyntaxKind.HashHashToken;

    /// <summary>GCC accepts '$' in identifiers (-fdollars-in-identifiers, on by default) and extended characters (C11 6.4.2.1).</summary>
    public static bool IsIdentifierStart(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '$' || c >= 0x80;

    public static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || c is >= '0' and <= '9';

    public static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>The canonical spelling of a punctuator kind (digraphs spell as their primary form).</summary>
    public static string? PunctuatorText(SyntaxKind kind) => kind switch
    {
        SyntaxKind.OpenBracketToken => "[",
        SyntaxKind.CloseBracketToken => "]",
        SyntaxKind.OpenParenToken => "(",
        SyntaxKind.CloseParenToken => ")",
        SyntaxKind.OpenBraceToken => "{",
        SyntaxKind.CloseBraceToken => "}",
        SyntaxKind.DotToken => ".",
        SyntaxKind.ArrowToken => "->",
        SyntaxKind.PlusPlusToken => "++",
        SyntaxKind.MinusMinusToken => "--",
        SyntaxKind.AmpersandToken => "&",
        SyntaxKind.AsteriskToken => "*",
        SyntaxKind.PlusToken => "+",
        SyntaxKind.MinusToken => "-",
        SyntaxKind.TildeToken => "~",
        SyntaxKind.ExclamationToken => "!",
        SyntaxKind.SlashToken => "/",
        SyntaxKind.PercentToken => "%",
        SyntaxKind.LessLessToken => "<<",
        SyntaxKind.GreaterGreaterToken => ">>",
        SyntaxKind.LessToken => "<",
        SyntaxKind.GreaterToken => ">",
        SyntaxKind.LessEqualsToken => "<=",
        SyntaxKind.GreaterEqualsToken => ">=",
        SyntaxKind.EqualsEqualsToken => "==",
        SyntaxKind.ExclamationEqualsToken => "!=",
        SyntaxKind.CaretToken => "^",
        SyntaxKind.BarToken => "|",
        SyntaxKind.AmpersandAmpersandToken => "&&",
        SyntaxKind.BarBarToken => "||",
        SyntaxKind.QuestionToken => "?",
        SyntaxKind.ColonToken => ":",
        SyntaxKind.SemicolonToken => ";",
        SyntaxKind.DotDotDotToken => "...",
        SyntaxKind.EqualsToken => "=",
        SyntaxKind.AsteriskEqualsToken => "*=",
        SyntaxKind.SlashEqualsToken => "/=",
        SyntaxKind.PercentEqualsToken => "%=",
        SyntaxKind.PlusEqualsToken => "+=",
        SyntaxKind.MinusEqualsToken => "-=",
        SyntaxKind.LessLessEqualsToken => "<<=",
        SyntaxKind.GreaterGreaterEqualsToken => ">>=",
        SyntaxKind.AmpersandEqualsToken => "&=",
        SyntaxKind.CaretEqualsToken => "^=",
        SyntaxKind.BarEqualsToken => "|=",
        SyntaxKind.CommaToken => ",",
        SyntaxKind.HashToken => "#",
        SyntaxKind.HashHashToken => "##",
        _ => null,
    };

    /// <summary>
    /// A token's text with its line splices removed (C11 5.1.1.2p1, phase 2).
    /// GCC also splices a backslash followed by spaces and then a newline, with a warning; so do we.
    /// </summary>
    public static string ValueText(string text)
    {
        if (text.IndexOf('\\') < 0) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && SpliceLength(text, i) is var length and > 0)
            {
                i += length - 1;
                continue;
            }
            builder.Append(text[i]);
        }
        return builder.ToString();
    }

    /// <summary>The length of the line splice at <paramref name="index"/> (backslash, optional blanks, newline), or 0.</summary>
    public static int SpliceLength(string text, int index)
    {
        if (index >= text.Length || text[index] != '\\') return 0;
        var p = index + 1;
        while (p < text.Length && text[p] is ' ' or '\t') p++;
        if (p < text.Length && text[p] == '\n') return p + 1 - index;
        if (p + 1 < text.Length && text[p] == '\r' && text[p + 1] == '\n') return p + 2 - index;
        return 0;
    }
}
