using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using FsCheck;
using FsCheck.Fluent;

namespace LayoutExpert.Syntax.Tests.Lexing;

public class LexerTests
{
    private static List<GreenToken> Lex(string text) => Lexer.LexAll(text);

    private static string Kinds(string text) =>
        string.Join(" ", Lex(text).Where(t => t.Kind != SyntaxKind.EndOfFileToken).Select(t => $"{t.Kind.ToString().Replace("Token", "")}:{t.Text}"));

    private static string Print(IEnumerable<GreenToken> tokens) => string.Concat(tokens.Select(t => t.ToFullString()));

    [Theory]
    [InlineData("a+++++b", "Identifier:a PlusPlus:++ PlusPlus:++ Plus:+ Identifier:b")]
    [InlineData("x<<=y>>=z", "Identifier:x LessLessEquals:<<= Identifier:y GreaterGreaterEquals:>>= Identifier:z")]
    [InlineData("a->b...c", "Identifier:a Arrow:-> Identifier:b DotDotDot:... Identifier:c")]
    [InlineData("0x1e+1 .5e-3 1.2.3", "PPNumber:0x1e+1 PPNumber:.5e-3 PPNumber:1.2.3")]
    [InlineData("1UL 0x1p-3", "PPNumber:1UL PPNumber:0x1p-3")]
    [InlineData("L'a' u8\"s\" U\"t\" u'c'", "CharacterLiteral:L'a' StringLiteral:u8\"s\" StringLiteral:U\"t\" CharacterLiteral:u'c'")]
    [InlineData("'\\'' \"a\\\"b\"", "CharacterLiteral:'\\'' StringLiteral:\"a\\\"b\"")]
    [InlineData("<: :> <% %> %: %:%:", "OpenBracket:<: CloseBracket::> OpenBrace:<% CloseBrace:%> Hash:%: HashHash:%:%:")]
    [InlineData("a ## b # c", "Identifier:a HashHash:## Identifier:b Hash:# Identifier:c")]
    [InlineData("$x @ `", "Identifier:$x Other:@ Other:`")]
    [InlineData("L u8 LR", "Identifier:L Identifier:u8 Identifier:LR")]
    public void Tokens_are_cut_by_maximal_munch(string text, string expected) => Assert.Equal(expected, Kinds(text));

    [Fact]
    public void Header_names_only_after_include_at_line_start()
    {
        Assert.Equal("Hash:# Identifier:include HeaderName:<linux/types.h>", Kinds("#include <linux/types.h>"));
        Assert.Equal("Hash:# Identifier:include_next HeaderName:<a.h>", Kinds("  # include_next <a.h>"));
        Assert.Equal("Identifier:a Hash:# Identifier:include Less:< Identifier:b Greater:>", Kinds("a #include <b>"));
        Assert.Equal("Hash:# Identifier:if Identifier:x Less:< Identifier:y Greater:>", Kinds("#if x <y>"));
    }

    [Fact]
    public void Splice_inside_a_token_stays_in_its_text_and_vanishes_from_its_value()
    {
        var tokens = Lex("#def\\\nine X\\\n  1\n");
        Assert.Equal("def\\\nine", tokens[1].Text);
        Assert.Equal("define", SyntaxFacts.ValueText(tokens[1].Text));
        // The splice after X is trivia, so "1" is still on the #define's logical line.
        Assert.False(tokens[2].EndsLine);
        Assert.Equal("1", tokens[3].Text);
        Assert.True(tokens[3].EndsLine);
    }

    [Fact]
    public void Gcc_splices_a_backslash_followed_by_blanks()
    {
        var tokens = Lex("a \\  \nb");
        Assert.Equal(["a", "b", ""], tokens.Select(t => t.Text));
        Assert.False(tokens[0].EndsLine);
    }

    [Fact]
    public void Trailing_trivia_ends_at_the_first_end_of_line()
    {
        var tokens = Lex("a /* c\n d */ b // x\n\n  c");
        Assert.False(tokens[0].EndsLine); // the newline is inside the comment
        Assert.True(tokens[1].EndsLine);
        Assert.Equal("\n  ", tokens[2].LeadingTrivia!.ToFullString());
    }

    [Fact]
    public void Line_comment_continues_across_a_splice()
    {
        var tokens = Lex("// a \\\n b\nc");
        Assert.Single(tokens, t => t.Kind == SyntaxKind.IdentifierToken);
        Assert.Equal("c", tokens[0].Text);
    }

    [Fact]
    public void Unterminated_comment_and_literal_are_diagnosed_not_thrown()
    {
        var comment = Lex("a /* no end");
        Assert.Contains(comment, t => t.HasDiagnostics && t.Diagnostics[0].Descriptor.Code == "LE1001");
        var literal = Lex("#error don't\nx");
        var quote = literal.Single(t => t.Kind == SyntaxKind.CharacterLiteralToken);
        Assert.Equal("'t", quote.Text);
        Assert.Equal("LE1002", quote.Diagnostics[0].Descriptor.Code);
        Assert.Equal("x", literal[^2].Text);
    }

    [Fact]
    public void Equal_tokens_are_shared_through_the_cache()
    {
        var cache = new GreenNodeCache();
        var tokens = Lexer.LexAll("struct a; struct a; ", cache);
        Assert.Same(tokens[0], tokens[3]);
        Assert.Same(tokens[1], tokens[4]);
        Assert.Same(tokens[2], tokens[5]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\\")]
    [InlineData("\\\n")]
    [InlineData("a\\")]
    [InlineData("\r\n#\r\n")]
    [InlineData("'")]
    [InlineData("\"abc\\")]
    [InlineData("/*")]
    [InlineData("#include <")]
    [InlineData("%:%")]
    public void Odd_inputs_print_back_exactly(string text) => Assert.Equal(text, Print(Lex(text)));

    [Fact]
    public void Random_text_prints_back_exactly()
    {
        // Characters chosen to hit every lexer path: splices, comments, quotes, digraphs.
        var alphabet = Gen.Elements("a", "b", "0", "1", ".", "e", "+", "-", "'", "\"", "\\", "\n", "\r", " ", "\t",
            "/", "*", "#", "%", ":", "<", ">", "=", "&", "|", "L", "u8", "include", "_", "$", "\u00e9", "x");
        var texts = Gen.Select(Gen.ListOf(alphabet), parts => string.Concat(parts));
        Prop.ForAll(texts.ToArbitrary(), text => Print(Lex(text)) == text)
            .QuickCheckThrowOnFailure();
    }
}
