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
            else if (DirectiveNames.OpensSection(kind))
            {
                parts.Add(TooDeep(line));
            }
            else
            {
                parts.Add(_build.DirectiveLine(line));
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
            var directive = seenElse ? AfterElse(line) : _build.DirectiveLine(line);
            seenElse |= kind == SyntaxKind.ElseDirective;
            var groupKind = kind == SyntaxKind.ElseDirective ? SyntaxKind.ElseGroup : SyntaxKind.ElifGroup;
            later.Add(_build.Group(groupKind, directive, ParseGroup(depth, inSection: true)));
        }
        return _build.IfSection(ifGroup, later, endif: null);
    }

    /// <summary>An #elif or second #else after #else: kept in the tree (as an elif group) with an error, as gcc reports it.</summary>
    private GreenNode AfterElse(List<GreenToken> line)
    {
        var node = _build.DirectiveLine(line);
        var hash = line[0];
        var info = new Syntax.Diagnostics.DiagnosticInfo(PreprocessorDiagnostics.ConditionalAfterElse, hash.LeadingWidth, hash.Width,
            new Syntax.Diagnostics.ImmutableArrayOfArgs(DirectiveNodeBuilder.NameOf(line) ?? ""));
        return new GreenInternalNode(node.Kind, [node.GetSlot(0), node.GetSlot(1), node.GetSlot(2)], [.. node.Diagnostics, info]);
    }

    private GreenNode TooDeep(List<GreenToken> line)
    {
        var hash = line[0];
        var info = new Syntax.Diagnostics.DiagnosticInfo(PreprocessorDiagnostics.ConditionalNestingTooDeep, hash.LeadingWidth, hash.Width,
            new Syntax.Diagnostics.ImmutableArrayOfArgs(MaxConditionalDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var node = _build.DirectiveLine(line);
        return new GreenInternalNode(SyntaxKind.UnknownDirective, [node.GetSlot(0), node.GetSlot(1), node.GetSlot(2)], [info]);
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
