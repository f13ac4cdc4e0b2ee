using System.Text;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>
/// Parses test input and prints trees as a compact preorder listing:
/// a node is "Kind(children)", a list is "[children]", a token is its text,
/// absent slots are left out. Every parse checks the exact round trip.
/// </summary>
internal static class ParseTestHelper
{
    public static CParseResult Parse(string text, CParserOptions? options = null)
    {
        var cache = new GreenNodeCache();
        var result = CParser.ParseTranslationUnit(Lexer.LexAll(text, cache), cache, options);
        Assert.Equal(text, result.Root.ToFullString());
        return result;
    }

    /// <summary>The listing of every external declaration, one per line; fails on any error diagnostic.</summary>
    public static string Declarations(string text)
    {
        var result = Parse(text);
        Assert.Equal("", Diagnostics(result));
        return string.Join("\n", Items(result.Root.GetSlot(0)).Select(Listing));
    }

    /// <summary>The listing of the last external declaration.</summary>
    public static string LastDeclaration(string text) => Declarations(text).Split('\n')[^1];

    /// <summary>The initializer of the last declaration's first declarator.</summary>
    public static string Initializer(string text)
    {
        var result = Parse(text);
        Assert.Equal("", Diagnostics(result));
        var declaration = Items(result.Root.GetSlot(0)).Last();
        var initDeclarator = declaration.GetSlot(1)!.GetSlot(0)!;
        return Listing(initDeclarator.GetSlot(4));
    }

    /// <summary>Every diagnostic as "line:column: severity: message", one per line.</summary>
    public static string Diagnostics(CParseResult result, bool errorsOnly = true) => string.Join("\n",
        result.ToSyntaxTree("test.c").GetDiagnostics()
            .Where(d => !errorsOnly || d.IsError)
            .Select(d => $"{d.Location!.Value.Position}: {d.Severity.ToString().ToLowerInvariant()}: {d.Message}"));

    public static IEnumerable<GreenNode> Items(GreenNode? list)
    {
        if (list is null) yield break;
        for (var i = 0; i < list.SlotCount; i++)
        {
            if (list.GetSlot(i) is { } item) yield return item;
        }
    }

    public static string Listing(GreenNode? node)
    {
        var builder = new StringBuilder();
        if (node is not null) Write(node, builder);
        return builder.ToString();
    }

    private static void Write(GreenNode node, StringBuilder builder)
    {
        if (node is GreenToken token)
        {
            builder.Append(token.Text);
            return;
        }
        var isList = node.Kind == SyntaxKind.List;
        builder.Append(isList ? "[" : node.Kind + "(");
        var first = true;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is not { } slot) continue;
            if (!first) builder.Append(' ');
            first = false;
            Write(slot, builder);
        }
        builder.Append(isList ? ']' : ')');
    }
}
