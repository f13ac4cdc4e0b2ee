using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Syntax.Lexing;

public sealed partial class Lexer
{
    /// <summary>Consumes one preprocessing token (C11 6.4) and says what it is.</summary>
    private SyntaxKind LexTokenKind()
    {
        if (AtEnd)
        {
            // A final backslash with nothing after it is not a splice; anything
            // left here (e.g. a splice right at the end) belongs to the file's end.
            _position = _text.Length;
            return SyntaxKind.EndOfFileToken;
        }
        var c = Peek();
        if (_directive == DirectiveState.AfterIncludeName && c == '<' && TryLexHeaderName()) return SyntaxKind.HeaderNameToken;
        if (c is 'L' or 'U' or 'u' && TryLexPrefixedLiteral(out var literal)) return literal;
        if (SyntaxFacts.IsIdentifierStart(c))
        {
            LexIdentifier();
            return SyntaxKind.IdentifierToken;
        }
        if (SyntaxFacts.IsDigit(c) || (c == '.' && SyntaxFacts.IsDigit(PeekSecond())))
        {
            LexPPNumber();
            return SyntaxKind.PPNumberToken;
        }
        if (c == '\'')
        {
            LexQuoted('\'', SyntaxDiagnostics.UnterminatedCharacterLiteral);
            return SyntaxKind.CharacterLiteralToken;
        }
        if (c == '"')
        {
            LexQuoted('"', SyntaxDiagnostics.UnterminatedStringLiteral);
            return SyntaxKind.StringLiteralToken;
        }
        return LexPunctuator();
    }

    private void LexIdentifier()
    {
        Advance();
        // Direct scan; a line splice inside an identifier is legal (phase 2) and is stepped over.
        var text = _text;
        var p = _position;
        while (p < text.Length)
        {
            var c = text[p];
            if (SyntaxFacts.IsIdentifierPart(c))
            {
                p++;
            }
            else if (c == '\\' && SyntaxFacts.SpliceLength(text, p) is var splice and > 0 && p + splice < text.Length
                && SyntaxFacts.IsIdentifierPart(text[p + splice]))
            {
                p += splice;
            }
            else
            {
                break;
            }
        }
        _position = p;
    }

    /// <summary>
    /// pp-number (C11 6.4.8): a digit or '.' digit, then identifier characters,
    /// '.', and e+ e- E+ E- p+ p- P+ P-. Wider than numbers on purpose:
    /// "0x1e+1" is one pp-number.
    /// </summary>
    private void LexPPNumber()
    {
        Advance();
        while (!AtEnd)
        {
            var c = Peek();
            if (c is 'e' or 'E' or 'p' or 'P' && PeekSecond() is '+' or '-')
            {
                Advance();
                Advance();
            }
            else if (SyntaxFacts.IsIdentifierPart(c) || c == '.')
            {
                Advance();
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>L'x', u'x', U'x', u8'x' (C2x), and the same prefixes on strings (C11 6.4.4.4, 6.4.5).</summary>
    private bool TryLexPrefixedLiteral(out SyntaxKind kind)
    {
        kind = SyntaxKind.None;
        var p = _position;
        var first = CharAt(ref p);
        p++;
        var next = CharAt(ref p);
        if (first == 'u' && next == '8')
        {
            p++;
            next = CharAt(ref p);
        }
        if (next is not ('\'' or '"')) return false;
        _position = p;
        if (next == '\'')
        {
            LexQuoted('\'', SyntaxDiagnostics.UnterminatedCharacterLiteral);
            kind = SyntaxKind.CharacterLiteralToken;
        }
        else
        {
            LexQuoted('"', SyntaxDiagnostics.UnterminatedStringLiteral);
            kind = SyntaxKind.StringLiteralToken;
        }
        return true;
    }

    /// <summary>
    /// A character constant or string literal up to its closing quote, honouring
    /// backslash escapes. Unterminated at the end of the line: like gcc, a
    /// warning, and the token runs to the end of the line.
    /// </summary>
    private void LexQuoted(char quote, DiagnosticDescriptor unterminated)
    {
        var start = _position;
        Advance();
        while (true)
        {
            if (AtEnd || Peek() is '\n' || (Peek() == '\r' && PeekSecond() == '\n'))
            {
                Report(unterminated, start, 1);
                return;
            }
            var c = Peek();
            Advance();
            if (c == quote) return;
            if (c == '\\' && !AtEnd && Peek() != '\n') Advance();
        }
    }

    /// <summary>A &lt;h-char-sequence&gt; header name (C11 6.4.7): only on the same line; otherwise '&lt;' is a punctuator.</summary>
    private bool TryLexHeaderName()
    {
        var p = _position;
        CharAt(ref p);
        p++;
        while (true)
        {
            var c = CharAt(ref p);
            if (p >= _text.Length || c == '\n' || c == '\r') return false;
            p++;
            if (c == '>') break;
        }
        _position = p;
        return true;
    }
}
