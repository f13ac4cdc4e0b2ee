using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Red;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Parsing;

/// <summary>
/// Parses one file into its preprocessing tree (C11 6.10p1: a group of
/// if-sections, control lines and text lines), keeping every branch of every
/// conditional: nothing is evaluated here. Consecutive text lines become one
/// <see cref="SyntaxKind.TextRun"/>. Never throws: unbalanced conditionals and
/// malformed directives become diagnostics on the nodes.
/// </summary>
public sealed class DirectiveParser
{
    public const int MaxConditionalDepth = 256;

    private readonly Lexer _lexer;
    private readonly DirectiveNodeBuilder _build;
    private GreenToken _current;
    private bool _currentAtLineStart;
    private List<GreenToken>? _pendingLine;

    private DirectiveParser(string text, GreenNodeCache cache)
    {
        _lexer = new Lexer(text, cache);
        _build = new DirectiveNodeBuilder(cache);
        _currentAtLineStart = _lexer.AtLineStart;
        _current = _lexer.Next();
    }

    public static SyntaxTree Parse(SourceText text, GreenNodeCache cache) => new(text, ParseGreen(text.Text, cache));

    public static GreenNode ParseGreen(string text, GreenNodeCache cache)
    {
        var parser = new DirectiveParser(text, cache);
        var parts = parser.ParseGroup(depth: 0, inSection: false);
        return parser._build.File(parts, parser._current);
    }

    private bool AtDirective => _currentAtLineStart && _current.Kind == SyntaxKind.HashToken;

    private void Advance()
    {
        _currentAtLineStart = _lexer.AtLineStart;
        _current = _lexer.Next();
    }

    /// <summary>
    /// Group parts until the end of the file or, inside a section, until an
    /// #elif/#else/#endif, which is left in <see cref="_pendingLine"/> for the caller.
    /// </summary>
    private List<GreenNode> ParseGroup(int depth, bool inSection)
    {
        var parts = new List<GreenNode>();
        var text = new List<GreenToken>();
        while (_current.Kind != SyntaxKind.EndOfFileToken)
        {
            if (!AtDirective)
            {
                text.Add(_current);
                Advance();
                continue;
            }
            if (text.Count > 0)
            {
                parts.Add(_build.TextRun(text));
                text.Clear();
            }
            var line = ReadLine();
            var kind = DirectiveNodeBuilder.KindOf(line);
            if (DirectiveNames.ContinuesSection(kind))
            {
                if (inSection)
                {
                    _pendingLine = line;
                    return parts;
                }
                parts.Add(_build.DirectiveLine(line, stray: true));
            }
            else if (DirectiveNames.OpensSection(kind) && depth < MaxConditionalDepth)
            {
                parts.Add(ParseIfSection(line, depth + 1));
            }
            else
            {
                parts.Add(_build.ControlLine(line));
            }
        }
        if (text.Count > 0) parts.Add(_build.TextRun(text));
        return parts;
    }

    private GreenNode ParseIfSection(List<GreenToken> opening, int depth)
    {
        var ifGroup = _build.Group(SyntaxKind.IfGroup, _build.DirectiveLine(opening), ParseGroup(depth, inSection: true));
        var later = new List<GreenNode>();
        var seenElse = false;
        while (_pendingLine is { } line)
        {
            _pendingLine = null;
            var kind = DirectiveNodeBuilder.KindOf(line);
            if (kind == SyntaxKind.EndifDirective) return _build.IfSection(ifGroup, later, _build.DirectiveLine(line));
            var afterElse = seenElse;
            seenElse |= kind == SyntaxKind.ElseDirective;
            later.Add(_build.LaterGroup(line, afterElse, ParseGroup(depth, inSection: true)));
        }
        return _build.IfSection(ifGroup, later, endif: null);
    }

    /// <summary>The tokens of one directive line: from '#' to the token whose trailing trivia ends the line.</summary>
    private List<GreenToken> ReadLine()
    {
        var line = new List<GreenToken>();
        while (true)
        {
            var token = _current;
            line.Add(token);
            Advance();
            if (token.EndsLine || _current.Kind == SyntaxKind.EndOfFileToken) break;
        }
        return line;
    }
}
