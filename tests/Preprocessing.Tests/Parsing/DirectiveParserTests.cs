using System.Text;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Tests.Parsing;

public class DirectiveParserTests
{
    private static GreenNode Parse(string text) => DirectiveParser.ParseGreen(text, new GreenNodeCache());

    /// <summary>A compact preorder listing of the directive structure: kinds, with directive names and text-run token counts.</summary>
    internal static string Outline(GreenNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString().Trim();
    }

    private static void Write(GreenNode node, StringBuilder builder)
    {
        switch (node.Kind)
        {
            case SyntaxKind.List or SyntaxKind.PreprocessingFile or SyntaxKind.IfGroup or SyntaxKind.ElifGroup or SyntaxKind.ElseGroup:
                if (node.Kind != SyntaxKind.List && node.Kind != SyntaxKind.PreprocessingFile) builder.Append(node.Kind).Append(' ');
                for (var i = 0; i < node.SlotCount; i++)
                {
                    if (node.GetSlot(i) is { IsToken: false } child) Write(child, builder);
                }
                break;
            case SyntaxKind.IfSection:
                builder.Append("IfSection( ");
                for (var i = 0; i < node.SlotCount; i++)
                {
                    if (node.GetSlot(i) is { } child) Write(child, builder);
                }
                builder.Append(") ");
                break;
            case SyntaxKind.TextRun:
                builder.Append("Text[").Append(node.SlotCount).Append("] ");
                break;
            default:
                builder.Append(node.Kind).Append(' ');
                break;
        }
    }

    private static IEnumerable<string> Codes(GreenNode node) =>
        new Syntax.Red.SyntaxTree(new SourceText(node.ToFullString(), "t.h"), node).GetDiagnostics().Select(d => d.Code);

    [Fact]
    public void Keeps_every_branch_of_a_conditional()
    {
        const string text = "#ifdef A\nint a;\n#elif B > 1\nint b;\n#elifdef C\n#else\nint c; int d;\n#endif\nx\n";
        var tree = Parse(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal("IfSection( IfGroup IfdefDirective Text[3] ElifGroup ElifDirective Text[3] ElifGroup ElifdefDirective ElseGroup ElseDirective Text[6] EndifDirective ) Text[1]",
            Outline(tree));
        Assert.Empty(Codes(tree));
    }

    [Fact]
    public void Nested_sections_and_control_lines()
    {
        const string text = "#ifndef G\n#define G\n#include <a.h>\n#if X\n#undef Y\n#endif\n#pragma once\n#error bad\n#warning w\n#line 3\n# 7 \"f.h\"\n#\n#ident \"x\"\n#endif\n";
        var tree = Parse(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.Equal("IfSection( IfGroup IfndefDirective DefineDirective IncludeDirective IfSection( IfGroup IfDirective UndefDirective EndifDirective ) PragmaDirective ErrorDirective WarningDirective LineDirective LineDirective NullDirective UnknownDirective EndifDirective )",
            Outline(tree));
    }

    [Theory]
    [InlineData("#define F(a, b) a ## b\n", "(a, b)", " a ## b\n")]
    [InlineData("#define F (a) a\n", null, " (a) a\n")]
    [InlineData("#define V(fmt, ...) f(fmt, ##__VA_ARGS__)\n", "(fmt, ...)", null)]
    [InlineData("#define N(args...) g(args)\n", "(args...)", null)]
    [InlineData("#define E() 1\n", "()", " 1\n")]
    [InlineData("#define O\n", null, null)]
    public void Define_distinguishes_function_like_by_the_paren_touching_the_name(string text, string? parameters, string? body)
    {
        var tree = Parse(text);
        var define = tree.GetSlot(0)!.GetSlot(0)!;
        Assert.Equal(SyntaxKind.DefineDirective, define.Kind);
        // White space after a token is that token's trailing trivia, so compare trimmed texts.
        Assert.Equal(parameters, define.GetSlot(3)?.ToFullString().Trim());
        if (body is not null) Assert.Equal(body.Trim(), define.GetSlot(4)?.ToFullString().Trim());
        Assert.Empty(Codes(tree));
    }

    [Theory]
    [InlineData("#endif\n", "LE2002")]
    [InlineData("#else\n", "LE2002")]
    [InlineData("#if 1\nint x;\n", "LE2001")]
    [InlineData("#if 1\n#else\n#else\n#endif\n", "LE2003")]
    [InlineData("#if 1\n#else\n#elif 2\n#endif\n", "LE2003")]
    [InlineData("#define\n", "LE2004")]
    [InlineData("#define 3 x\n", "LE2005")]
    [InlineData("#define defined 1\n", "LE2009")]
    [InlineData("#define F(a,) x\n", "LE2006")]
    [InlineData("#define F(a b) x\n", "LE2007")]
    [InlineData("#define F(a\n", "LE2007")]
    [InlineData("#define F(a, a) x\n", "LE2008")]
    [InlineData("#ifdef\n#endif\n", "LE2004")]
    [InlineData("#undef 1\n", "LE2005")]
    [InlineData("#include\n", "LE2010")]
    public void Malformed_directives_are_diagnosed_with_their_line(string text, string code)
    {
        var tree = Parse("int before;\n" + text);
        Assert.Equal("int before;\n" + text, tree.ToFullString());
        var diagnostic = Assert.Single(new Syntax.Red.SyntaxTree(new SourceText(tree.ToFullString(), "t.h"), tree).GetDiagnostics(),
            d => d.Code == code);
        Assert.True(diagnostic.Location!.Value.Line >= 2, diagnostic.ToString());
        Assert.StartsWith("t.h:", diagnostic.ToString());
    }

    [Fact]
    public void Hash_not_at_line_start_is_text()
    {
        var tree = Parse("a # define x\n");
        Assert.Equal("Text[4]", Outline(tree));
    }

    [Fact]
    public void Deep_nesting_is_bounded_with_a_diagnostic()
    {
        var text = string.Concat(Enumerable.Repeat("#if 1\n", 5000)) + string.Concat(Enumerable.Repeat("#endif\n", 5000));
        var tree = Parse(text);
        Assert.Equal(text, tree.ToFullString());
        Assert.Contains("LE2011", Codes(tree));
    }
}
