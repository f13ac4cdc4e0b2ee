using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Lexing;

/// <summary>
/// A hand-written lexer for C preprocessing tokens (C11 6.4 and GNU): it cuts
/// a source text into green tokens with leading and trailing trivia such that
/// the tokens' full texts concatenate back to the input exactly. Line splices
/// (phase 2) are handled in place: a splice between tokens is trivia, a splice
/// inside a token stays in its text (see <see cref="SyntaxFacts.ValueText"/>).
/// A header name (C11 6.4.7) is recognised only where C allows it: after
/// <c># include</c>, <c># include_next</c> and <c># import</c> at the start of a line.
/// The lexer never throws; malformed input yields tokens with diagnostics.
/// </summary>
public sealed partial class Lexer
{
    private string _text;
    private readonly GreenNodeCache _cache;
    private readonly List<GreenNode> _trivia = [];
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private int _position;
    private int _fullStart;
    private bool _atLineStart = true;
    private DirectiveState _directive;

    public Lexer(string text, GreenNodeCache cache)
    {
        _text = text;
        _cache = cache;
    }

    private enum DirectiveState : byte { None, AfterHash, AfterIncludeName }

    /// <summary>True when the next token is the first on its logical line (C11 6.10p2).</summary>
    public bool AtLineStart => _atLineStart;

    public int Position => _position;

    /// <summary>Lexes a whole text; the last token is the end-of-file token, which carries any final trivia.</summary>
    public static List<GreenToken> LexAll(string text, GreenNodeCache? cache = null)
    {
        var lexer = new Lexer(text, cache ?? new GreenNodeCache());
        var tokens = new List<GreenToken>();
        GreenToken token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != SyntaxKind.EndOfFileToken);
        return tokens;
    }

    /// <summary>Starts over on another text, keeping this lexer's buffers (for callers that lex many small texts).</summary>
    public void Reset(string text)
    {
        _text = text;
        _position = 0;
        _atLineStart = true;
        _directive = DirectiveState.None;
    }

    /// <summary>Lexes the whole text into <paramref name="tokens"/> (cleared first); the last one is the end-of-file token.</summary>
    public void LexInto(List<GreenToken> tokens)
    {
        tokens.Clear();
        GreenToken token;
        do
        {
            token = Next();
            tokens.Add(token);
        }
        while (token.Kind != SyntaxKind.EndOfFileToken);
    }

    public GreenToken Next()
    {
        _fullStart = _position;
        _diagnostics.Clear();
        var leading = LexTrivia(trailing: false);
        var start = _position;
        var kind = LexTokenKind();
        var text = _position - start <= 64 ? _cache.Intern(_text.AsSpan(start, _position - start)) : _text.Substring(start, _position - start);
        UpdateDirectiveState(kind, text);
        var trailing = kind == SyntaxKind.EndOfFileToken ? null : LexTrivia(trailing: true);
        var diagnostics = _diagnostics.Count == 0 ? null : _diagnostics.ToArray();
        _atLineStart = kind == SyntaxKind.EndOfFileToken || EndsWithEndOfLine(trailing);
        if (_atLineStart) _directive = DirectiveState.None;
        return diagnostics is null
            ? _cache.Token(kind, text, leading, trailing)
            : new GreenToken(kind, text, leading, trailing, diagnostics);
    }

    private void UpdateDirectiveState(SyntaxKind kind, string text)
    {
        if (_atLineStart)
        {
            _directive = kind == SyntaxKind.HashToken ? DirectiveState.AfterHash : DirectiveState.None;
        }
        else if (_directive == DirectiveState.AfterHash && kind == SyntaxKind.IdentifierToken
            && SyntaxFacts.ValueText(text) is "include" or "include_next" or "import")
        {
            _directive = DirectiveState.AfterIncludeName;
        }
        else
        {
            _directive = DirectiveState.None;
        }
    }

    private static bool EndsWithEndOfLine(GreenNode? trivia) => trivia switch
    {
        null => false,
        GreenTrivia t => t.Kind == SyntaxKind.EndOfLineTrivia,
        _ => trivia.GetSlot(trivia.SlotCount - 1)?.Kind == SyntaxKind.EndOfLineTrivia,
    };

    /// <summary>Records a diagnostic at an absolute position, relative to the full start of the token being built.</summary>
    private void Report(DiagnosticDescriptor descriptor, int start, int length) =>
        _diagnostics.Add(new DiagnosticInfo(descriptor, start - _fullStart, length, default));

    /// <summary>The character at <paramref name="p"/> after skipping line splices, and where it is.</summary>
    private char CharAt(ref int p)
    {
        while (p < _text.Length && _text[p] == '\\')
        {
            var splice = SyntaxFacts.SpliceLength(_text, p);
            if (splice == 0) break;
            p += splice;
        }
        return p < _text.Length ? _text[p] : '\0';
    }

    /// <summary>The logical character at the current position (splices skipped), without consuming it.</summary>
    private char Peek()
    {
        var p = _position;
        return CharAt(ref p);
    }

    /// <summary>The logical character after the current one.</summary>
    private char PeekSecond()
    {
        var p = _position;
        CharAt(ref p);
        p++;
        return CharAt(ref p);
    }

    /// <summary>Consumes one logical character (and any splices before it).</summary>
    private void Advance()
    {
        CharAt(ref _position);
        _position++;
    }

    private bool AtEnd
    {
        get
        {
            var p = _position;
            CharAt(ref p);
            return p >= _text.Length;
        }
    }
}
