using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>What <see cref="ReusableDeclarations"/> takes from earlier parses, and what it parses again.</summary>
public class ReusableDeclarationsTests
{
    private readonly GreenNodeCache _cache = new();
    private readonly ReusableDeclarations _reuse = new();

    private CParseResult Parse(string text, CParserOptions? options = null) =>
        CParser.ParseTranslationUnit(Lexer.LexAll(text, _cache), _cache, _reuse, options);

    [Fact]
    public void The_same_text_again_reuses_every_declaration()
    {
        const string text = "typedef int T;\nstruct s { T a; int b : 3; };\nT f(T x);\nint g(void) { return 1; }\n";
        var first = Parse(text);
        Assert.Equal(0, _reuse.LastParse.DeclarationsReused);
        Assert.Equal(4, _reuse.LastParse.DeclarationsParsed);
        var second = Parse(text);
        Assert.Equal(4, _reuse.LastParse.DeclarationsReused);
        Assert.Equal(0, _reuse.LastParse.DeclarationsParsed);
        Assert.Same(first.Root.GetSlot(0)!.GetSlot(1), second.Root.GetSlot(0)!.GetSlot(1));
    }

    [Fact]
    public void A_new_typedef_name_reparses_the_declarations_that_asked_about_it()
    {
        Parse("int a;\nT * x;\nint b;\n");
        Assert.Equal(3, _reuse.LastParse.DeclarationsParsed);
        var result = Parse("typedef int T;\nint a;\nT * x;\nint b;\n");
        // "int a;" and "int b;" asked nothing about T; "T * x;" asked whether T is a typedef name.
        Assert.Equal(new ReuseStatistics(2, 2, 6, 8), _reuse.LastParse);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(
            "Declaration(DeclarationSpecifiers(T) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(x)))] ;)",
            ParseTestHelper.Listing(result.Root.GetSlot(0)!.GetSlot(2)));
    }

    [Fact]
    public void A_reused_typedef_is_declared_again()
    {
        Parse("typedef int T;\nint a;\n");
        Parse("typedef int T;\nT b;\n");
        Assert.Equal(1, _reuse.LastParse.DeclarationsReused);
        // "T b;" parsed afresh must have seen T as a typedef name: no unknown-type or missing-type diagnostic.
        var result = Parse("typedef int T;\nT b;\n");
        Assert.Equal(2, _reuse.LastParse.DeclarationsReused);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Trim_keeps_what_the_latest_parses_used()
    {
        Parse("int a;\nint b;\n");
        Parse("int c;\n");
        Assert.Equal(3, _reuse.Count);
        _reuse.Trim(keepParses: 2);
        Assert.Equal(3, _reuse.Count);
        _reuse.Trim();
        Assert.Equal(1, _reuse.Count);
        Parse("int a;\nint c;\n");
        Assert.Equal(new ReuseStatistics(1, 1, 3, 3), _reuse.LastParse);
    }

    [Fact]
    public void A_unit_parsed_again_is_taken_in_blocks()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => $"typedef int T{i};\nT{i} v{i};\n"));
        var first = Parse(text);
        Assert.Equal(0, _reuse.LastParse.BlocksReused);
        // 600 declarations in one stretch: blocks of at most 128.
        Assert.Equal(5, _reuse.BlockCount);
        var second = Parse(text);
        Assert.Equal(5, _reuse.LastParse.BlocksReused);
        Assert.Equal(600, _reuse.LastParse.DeclarationsReused);
        Assert.Equal(0, _reuse.LastParse.DeclarationsParsed);
        Assert.Equal(0, _reuse.LastParse.TokensParsed);
        Assert.True(first.Root.IsEquivalentTo(second.Root));
    }

    [Fact]
    public void A_block_whose_outside_typedef_changed_is_taken_declaration_by_declaration()
    {
        // "U x;" asks whether U is a typedef name, which the block does not decide: its answer is the block's precondition.
        const string body = "int a;\nint b;\nU x;\nint c;\n";
        Parse(body);
        var result = Parse("typedef int U;\n" + body);
        Assert.Equal(0, _reuse.LastParse.BlocksReused);
        Assert.Equal(3, _reuse.LastParse.DeclarationsReused);
        Assert.Empty(result.Diagnostics);
        // The same text once more: the new parse's blocks hold.
        Parse("typedef int U;\n" + body);
        Assert.Equal(1, _reuse.LastParse.BlocksReused);
        Assert.Equal(5, _reuse.LastParse.DeclarationsReused);
    }

    [Fact]
    public void Another_nesting_limit_starts_afresh()
    {
        Parse("int a[(((1)))];\n");
        Parse("int a[(((1)))];\n", new CParserOptions { MaxNesting = 2 });
        Assert.Equal(0, _reuse.LastParse.DeclarationsReused);
    }
}
