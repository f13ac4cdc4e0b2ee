using System.Text;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// Finds, in one preprocessing tree and in every branch, the #include
/// directives (in document order) and the __has_include / __has_include_next
/// operands of #if and #elif lines.
/// </summary>
public static class IncludeCollector
{
    public static (List<IncludeRequest> Includes, List<IncludeRequest> HasIncludes) Collect(GreenNode root, SourceText text)
    {
        var includes = new List<IncludeRequest>();
        var hasIncludes = new List<IncludeRequest>();
        Walk(root, 0, text, includes, hasIncludes);
        return (includes, hasIncludes);
    }

    private static void Walk(GreenNode node, int position, SourceText text, List<IncludeRequest> includes, List<IncludeRequest> hasIncludes)
    {
        switch (node.Kind)
        {
            case SyntaxKind.IncludeDirective:
                includes.Add(FromInclude(node, position, text));
                return;
            case SyntaxKind.IfDirective or SyntaxKind.ElifDirective:
                if (node.GetSlot(2) is { } condition) FindHasInclude(condition, position + node.GetSlot(0)!.FullWidth + (node.GetSlot(1)?.FullWidth ?? 0), text, hasIncludes);
                return;
            case SyntaxKind.TextRun:
                return;
        }
        if (node.IsToken) return;
        var offset = position;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is not { } child) continue;
            Walk(child, offset, text, includes, hasIncludes);
            offset += child.FullWidth;
        }
    }

    private static IncludeRequest FromInclude(GreenNode directive, int position, SourceText text)
    {
        var hash = (GreenToken)directive.GetSlot(0)!;
        var line = text.GetLinePosition(position + hash.LeadingWidth).Line + 1;
        var name = directive.GetSlot(1) is GreenToken n ? SyntaxFacts.ValueText(n.Text) : "include";
        var next = name == "include_next";
        var rest = Tokens(directive.GetSlot(2));
        if (rest.Count == 1 && rest[0].Kind == SyntaxKind.HeaderNameToken)
        {
            return new IncludeRequest(line, SyntaxFacts.ValueText(rest[0].Text), IncludeForm.Angled, next);
        }
        if (rest.Count == 1 && rest[0].Kind == SyntaxKind.StringLiteralToken && rest[0].Text.StartsWith('"'))
        {
            return new IncludeRequest(line, SyntaxFacts.ValueText(rest[0].Text), IncludeForm.Quoted, next);
        }
        return new IncludeRequest(line, Spell(rest), IncludeForm.Computed, next);
    }

    private static void FindHasInclude(GreenNode condition, int position, SourceText text, List<IncludeRequest> results)
    {
        var tokens = Tokens(condition);
        for (var i = 0; i + 3 < tokens.Count; i++)
        {
            var op = SyntaxFacts.ValueText(tokens[i].Text);
            if (tokens[i].Kind != SyntaxKind.IdentifierToken || op is not ("__has_include" or "__has_include_next")) continue;
            if (tokens[i + 1].Kind != SyntaxKind.OpenParenToken) continue;
            var line = text.GetLinePosition(position).Line + 1;
            var next = op == "__has_include_next";
            if (tokens[i + 2].Kind == SyntaxKind.StringLiteralToken)
            {
                results.Add(new IncludeRequest(line, SyntaxFacts.ValueText(tokens[i + 2].Text), IncludeForm.Quoted, next));
            }
            else if (tokens[i + 2].Kind == SyntaxKind.LessToken)
            {
                // The header name arrives as '<' tokens '>' (C11 6.10.2p4): put the spellings back together.
                var close = tokens.FindIndex(i + 3, t => t.Kind == SyntaxKind.GreaterToken);
                if (close < 0) continue;
                results.Add(new IncludeRequest(line, "<" + Spell(tokens.GetRange(i + 3, close - i - 3)) + ">", IncludeForm.Angled, next));
            }
        }
    }

    /// <summary>Token spellings joined as gcc joins them for a header name: a space where there was white space.</summary>
    public static string Spell(IReadOnlyList<GreenToken> tokens)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && (tokens[i].HasLeadingTrivia || tokens[i - 1].HasTrailingTrivia)) builder.Append(' ');
            builder.Append(SyntaxFacts.ValueText(tokens[i].Text));
        }
        return builder.ToString();
    }

    public static List<GreenToken> Tokens(GreenNode? list)
    {
        var result = new List<GreenToken>();
        if (list is null) return result;
        if (list is GreenToken single)
        {
            result.Add(single);
            return result;
        }
        for (var i = 0; i < list.SlotCount; i++)
        {
            if (list.GetSlot(i) is GreenToken token) result.Add(token);
        }
        return result;
    }
}
