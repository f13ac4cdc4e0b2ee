using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Lexing;

public sealed partial class Lexer
{
    /// <summary>
    /// White space, comments, splices and ends of line. Trailing trivia stops
    /// after the first end of line; leading trivia takes everything. Comments are
    /// white space (C11 5.1.1.2p1, phase 3); a // comment continues across a
    /// splice, and a /* comment may span lines without ending the logical line.
    /// </summary>
    private GreenNode? LexTrivia(bool trailing)
    {
        _trivia.Clear();
        while (_position < _text.Length)
        {
            var start = _position;
            var c = _text[_position];
            if (c is ' ' or '\t' or '\v' or '\f')
            {
                while (_position < _text.Length && _text[_position] is ' ' or '\t' or '\v' or '\f') _position++;
                AddTrivia(SyntaxKind.WhitespaceTrivia, start);
            }
            else if (c == '\n' || (c == '\r' && _position + 1 < _text.Length && _text[_position + 1] == '\n'))
            {
                _position += c == '\r' ? 2 : 1;
                AddTrivia(SyntaxKind.EndOfLineTrivia, start);
                if (trailing) break;
            }
            else if (c == '\r')
            {
                // A lone carriage return is white space to gcc.
                _position++;
                AddTrivia(SyntaxKind.WhitespaceTrivia, start);
            }
            else if (c == '\\' && SyntaxFacts.SpliceLength(_text, _position) is var splice and > 0)
            {
                _position += splice;
                AddTrivia(SyntaxKind.LineSpliceTrivia, start);
            }
            else if (c == '/' && Peek() == '/' && PeekSecond() == '/')
            {
                LexLineComment(start);
            }
            else if (c == '/' && Peek() == '/' && PeekSecond() == '*')
            {
                LexBlockComment(start);
            }
            else
            {
                break;
            }
        }
        return _cache.TriviaList(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_trivia));
    }

    private void LexLineComment(int start)
    {
        // Up to, not including, the end of line; a splice continues the comment.
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\\' && SyntaxFacts.SpliceLength(_text, _position) is var splice and > 0)
            {
                _position += splice;
                continue;
            }
            if (c == '\n' || (c == '\r' && _position + 1 < _text.Length && _text[_position + 1] == '\n')) break;
            _position++;
        }
        AddTrivia(SyntaxKind.LineCommentTrivia, start);
    }

    private void LexBlockComment(int start)
    {
        // Fast path: the comment's end is a plain "*/" and no backslash inside could hide a spliced one.
        var open = _position + 2;
        var close = open <= _text.Length ? _text.IndexOf("*/", open, StringComparison.Ordinal) : -1;
        if (_text[_position + 1] == '*' && close >= 0 && _text.IndexOf('\\', open, close - open) < 0)
        {
            _position = close + 2;
            AddTrivia(SyntaxKind.BlockCommentTrivia, start);
            return;
        }
        Advance();
        Advance();
        var terminated = false;
        while (!AtEnd)
        {
            if (Peek() == '*' && PeekSecond() == '/')
            {
                Advance();
                Advance();
                terminated = true;
                break;
            }
            Advance();
        }
        if (_position > _text.Length) _position = _text.Length;
        if (!terminated) Report(SyntaxDiagnostics.UnterminatedComment, start, 2);
        AddTrivia(SyntaxKind.BlockCommentTrivia, start);
    }

    private void AddTrivia(SyntaxKind kind, int start) =>
        _trivia.Add(_cache.Trivia(kind, _text.AsSpan(start, _position - start)));
}
