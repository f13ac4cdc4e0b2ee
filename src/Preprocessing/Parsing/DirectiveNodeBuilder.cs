using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Parsing;

/// <summary>
/// Builds the green nodes of a preprocessing file from lines of tokens. Shared
/// by the parser and by the Pre-AST loader, so a loaded tree is built by the
/// very code that built the saved one.
/// Slot layouts:
///   directive line      [#, name?, rest-list?]  (define: [#, define, name?, parameters?, replacement-list?])
///   MacroParameterList  [(, list-of-names-and-commas?, )?]
///   IfGroup / ElifGroup / ElseGroup  [directive line, group-parts-list?]
///   IfSection           [IfGroup, list-of-ElifGroup-and-ElseGroup-in-source-order?, EndifDirective?]
///   TextRun             [tokens...]
///   PreprocessingFile   [group-parts-list?, end-of-file token]
/// Not thread-safe (the cache and the scratch lists below): one builder per thread.
/// </summary>
public class DirectiveNodeBuilder(GreenNodeCache cache)
{
    // Scratch space reused line after line: a kernel tree has some 10^5 directives.
    private readonly List<DiagnosticInfo> _diagnostics = [];
    private readonly HashSet<string> _parameters = new(StringComparer.Ordinal);

    public GreenNodeCache Cache { get; } = cache;

    /// <summary>The directive name of a line that starts with '#' (null for the null directive "#" alone).</summary>
    public static string? NameOf(IReadOnlyList<GreenToken> line)
    {
        if (line.Count < 2) return null;
        var name = line[1];
        if (name.Kind == SyntaxKind.IdentifierToken) return SyntaxFacts.ValueText(name.Text);
        // "# 33 "file"" is GNU's line marker; other tokens make an unknown directive.
        return name.Kind == SyntaxKind.PPNumberToken ? "line" : SyntaxFacts.ValueText(name.Text);
    }

    public static SyntaxKind KindOf(IReadOnlyList<GreenToken> line) =>
        line.Count >= 2 && line[1].Kind == SyntaxKind.PPNumberToken ? SyntaxKind.LineDirective : DirectiveNames.KindOf(NameOf(line));

    /// <summary>A directive line. <paramref name="stray"/>: an #elif/#else/#endif found outside any #if.</summary>
    public GreenInternalNode DirectiveLine(IReadOnlyList<GreenToken> line, bool stray = false)
    {
        var kind = KindOf(line);
        if (kind == SyntaxKind.DefineDirective) return Define(line);
        var diagnostics = _diagnostics;
        diagnostics.Clear();
        if (stray) diagnostics.Add(At(line, 1, PreprocessorDiagnostics.StrayConditional, NameOf(line) ?? ""));
        switch (kind)
        {
            case SyntaxKind.IfdefDirective or SyntaxKind.IfndefDirective or SyntaxKind.ElifdefDirective
                or SyntaxKind.ElifndefDirective or SyntaxKind.UndefDirective:
                if (line.Count < 3) diagnostics.Add(At(line, 1, PreprocessorDiagnostics.MissingMacroName, NameOf(line)!));
                else if (line[2].Kind != SyntaxKind.IdentifierToken) diagnostics.Add(At(line, 2, PreprocessorDiagnostics.MacroNameNotIdentifier));
                break;
            case SyntaxKind.IncludeDirective:
                if (line.Count < 3) diagnostics.Add(At(line, 1, PreprocessorDiagnostics.MissingIncludeName, NameOf(line)!));
                break;
        }
        var name = line.Count > 1 ? line[1] : null;
        GreenNode?[] slots = [line[0], name, Tokens(line, 2, line.Count)];
        return new GreenInternalNode(kind, slots, diagnostics.Count == 0 ? null : [.. diagnostics]);
    }

    /// <summary>
    /// #define: object-like, or function-like when '(' follows the name with no
    /// white space between (C11 6.10.3p3 and p10); parameters may end in "..." or,
    /// GNU's named variadic, "name...".
    /// </summary>
    private GreenInternalNode Define(IReadOnlyList<GreenToken> line)
    {
        var diagnostics = _diagnostics;
        diagnostics.Clear();
        if (line.Count < 3)
        {
            diagnostics.Add(At(line, 1, PreprocessorDiagnostics.MissingMacroName, "define"));
            return new GreenInternalNode(SyntaxKind.DefineDirective, [line[0], line[1], null, null, null], [.. diagnostics]);
        }
        var name = line[2];
        if (name.Kind != SyntaxKind.IdentifierToken) diagnostics.Add(At(line, 2, PreprocessorDiagnostics.MacroNameNotIdentifier));
        else if (SyntaxFacts.ValueText(name.Text) == "defined") diagnostics.Add(At(line, 2, PreprocessorDiagnostics.CannotDefineDefined));
        GreenNode? parameters = null;
        var bodyStart = 3;
        if (line.Count > 3 && line[3].Kind == SyntaxKind.OpenParenToken && !name.HasTrailingTrivia && !line[3].HasLeadingTrivia)
        {
            bodyStart = ParameterListEnd(line, 3, diagnostics);
            parameters = ParameterList(line, 3, bodyStart);
        }
        GreenNode?[] slots = [line[0], line[1], name, parameters, Tokens(line, bodyStart, line.Count)];
        return new GreenInternalNode(SyntaxKind.DefineDirective, slots, diagnostics.Count == 0 ? null : [.. diagnostics]);
    }

    /// <summary>Finds the index after the ')' closing a macro parameter list, checking the list on the way.</summary>
    private int ParameterListEnd(IReadOnlyList<GreenToken> line, int open, List<DiagnosticInfo> diagnostics)
    {
        var seen = _parameters;
        seen.Clear();
        var expectName = true;
        var variadic = false;
        for (var i = open + 1; i < line.Count; i++)
        {
            var token = line[i];
            if (token.Kind == SyntaxKind.CloseParenToken)
            {
                if (expectName && i != open + 1) diagnostics.Add(At(line, i, PreprocessorDiagnostics.BadMacroParameter, ")"));
                return i + 1;
            }
            if (variadic)
            {
                diagnostics.Add(At(line, i, PreprocessorDiagnostics.UnterminatedParameterList));
                return SkipToCloseParen(line, i);
            }
            if (expectName)
            {
                if (token.Kind == SyntaxKind.DotDotDotToken)
                {
                    variadic = true;
                    expectName = false;
                    continue;
                }
                if (token.Kind != SyntaxKind.IdentifierToken)
                {
                    diagnostics.Add(At(line, i, PreprocessorDiagnostics.BadMacroParameter, token.Text));
                    return SkipToCloseParen(line, i);
                }
                var parameter = SyntaxFacts.ValueText(token.Text);
                if (!seen.Add(parameter)) diagnostics.Add(At(line, i, PreprocessorDiagnostics.DuplicateMacroParameter, parameter));
                expectName = false;
            }
            else if (token.Kind == SyntaxKind.CommaToken)
            {
                expectName = true;
            }
            else if (token.Kind == SyntaxKind.DotDotDotToken)
            {
                variadic = true;
            }
            else
            {
                diagnostics.Add(At(line, i, PreprocessorDiagnostics.UnterminatedParameterList));
                return SkipToCloseParen(line, i);
            }
        }
        diagnostics.Add(At(line, line.Count - 1, PreprocessorDiagnostics.UnterminatedParameterList));
        return line.Count;
    }

    private static int SkipToCloseParen(IReadOnlyList<GreenToken> line, int from)
    {
        for (var i = from; i < line.Count; i++)
        {
            if (line[i].Kind == SyntaxKind.CloseParenToken) return i + 1;
        }
        return line.Count;
    }

    private GreenInternalNode ParameterList(IReadOnlyList<GreenToken> line, int open, int end)
    {
        var closed = end - 1 > open && line[end - 1].Kind == SyntaxKind.CloseParenToken;
        var innerEnd = closed ? end - 1 : end;
        return new GreenInternalNode(SyntaxKind.MacroParameterList, [line[open], Tokens(line, open + 1, innerEnd), closed ? line[end - 1] : null]);
    }

    /// <summary>
    /// A control line standing alone in a group. A section-opening line only
    /// stands alone when #if nesting went past the limit: it becomes an unknown
    /// directive carrying that error.
    /// </summary>
    public GreenInternalNode ControlLine(IReadOnlyList<GreenToken> line)
    {
        var node = DirectiveLine(line);
        if (!DirectiveNames.OpensSection(node.Kind)) return node;
        var info = At(line, 0, PreprocessorDiagnostics.ConditionalNestingTooDeep,
            DirectiveParser.MaxConditionalDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new GreenInternalNode(SyntaxKind.UnknownDirective, [node.GetSlot(0), node.GetSlot(1), node.GetSlot(2)], [info]);
    }

    /// <summary>
    /// An #elif or #else group after the #if group. One that follows an #else is
    /// kept (as an elif group, or a second else group) with the error gcc gives.
    /// </summary>
    public GreenInternalNode LaterGroup(IReadOnlyList<GreenToken> line, bool afterElse, IReadOnlyList<GreenNode> body) =>
        LaterGroup(LaterDirective(line, afterElse), body);

    /// <summary>The directive line of a later group, made before its body is read (the loader reuses its line buffer).</summary>
    public GreenInternalNode LaterDirective(IReadOnlyList<GreenToken> line, bool afterElse)
    {
        var directive = DirectiveLine(line);
        if (!afterElse) return directive;
        var info = At(line, 0, PreprocessorDiagnostics.ConditionalAfterElse, NameOf(line) ?? "");
        return new GreenInternalNode(directive.Kind, [directive.GetSlot(0), directive.GetSlot(1), directive.GetSlot(2)],
            [.. directive.Diagnostics, info]);
    }

    public GreenInternalNode LaterGroup(GreenInternalNode directive, IReadOnlyList<GreenNode> body) =>
        Group(directive.Kind == SyntaxKind.ElseDirective ? SyntaxKind.ElseGroup : SyntaxKind.ElifGroup, directive, body);

    public GreenInternalNode Group(SyntaxKind kind, GreenNode directive, IReadOnlyList<GreenNode> parts) =>
        new(kind, [directive, List(parts)]);

    /// <summary>A group over a parts list already made (see <see cref="ListOf"/>).</summary>
    public GreenInternalNode GroupOf(SyntaxKind kind, GreenNode directive, GreenNode? parts) => new(kind, [directive, parts]);

    public GreenInternalNode IfSection(GreenNode ifGroup, IReadOnlyList<GreenNode> laterGroups, GreenNode? endif)
    {
        DiagnosticInfo[]? diagnostics = null;
        if (endif is null)
        {
            var opening = ifGroup.GetSlot(0)!;
            var hash = (GreenToken)opening.GetSlot(0)!;
            var name = opening.GetSlot(1) as GreenToken;
            diagnostics = [new DiagnosticInfo(PreprocessorDiagnostics.UnterminatedConditional, hash.LeadingWidth, hash.Width,
                new ImmutableArrayOfArgs(name is null ? "if" : SyntaxFacts.ValueText(name.Text)))];
        }
        return new GreenInternalNode(SyntaxKind.IfSection, [ifGroup, List(laterGroups), endif], diagnostics);
    }

    public GreenInternalNode TextRun(IReadOnlyList<GreenToken> tokens) => new(SyntaxKind.TextRun, [.. tokens]);

    /// <summary>A text run over an array of tokens the caller hands over (no copy).</summary>
    public GreenInternalNode TextRunOf(GreenNode?[] tokens) => new(SyntaxKind.TextRun, tokens);

    public GreenInternalNode File(IReadOnlyList<GreenNode> parts, GreenToken endOfFile) =>
        new(SyntaxKind.PreprocessingFile, [List(parts), endOfFile]);

    /// <summary>A file over a parts list already made (see <see cref="ListOf"/>).</summary>
    public GreenInternalNode FileOf(GreenNode? parts, GreenToken endOfFile) => new(SyntaxKind.PreprocessingFile, [parts, endOfFile]);

    /// <summary>A list over an array the caller hands over (no copy); null when empty.</summary>
    public GreenNode? ListOf(GreenNode?[] items) => items.Length == 0 ? null : new GreenInternalNode(SyntaxKind.List, items);

    public GreenNode? List(IReadOnlyList<GreenNode> items) =>
        items.Count == 0 ? null : new GreenInternalNode(SyntaxKind.List, [.. items]);

    private GreenNode? Tokens(IReadOnlyList<GreenToken> line, int start, int end)
    {
        if (end <= start) return null;
        var items = new GreenNode[end - start];
        for (var i = start; i < end; i++) items[i - start] = line[i];
        return items.Length <= 3 ? Cache.Node(SyntaxKind.List, items) : new GreenInternalNode(SyntaxKind.List, items);
    }

    /// <summary>A diagnostic on token <paramref name="index"/> of a line, relative to the line node's start.</summary>
    private static DiagnosticInfo At(IReadOnlyList<GreenToken> line, int index, DiagnosticDescriptor descriptor, params string[] args)
    {
        index = Math.Min(index, line.Count - 1);
        var offset = 0;
        for (var i = 0; i < index; i++) offset += line[i].FullWidth;
        return new DiagnosticInfo(descriptor, offset + line[index].LeadingWidth, line[index].Width, new ImmutableArrayOfArgs(args));
    }
}
