using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>Malformed input: the parser reports where and what, recovers, and still prints the input back.</summary>
public class DiagnosticTests
{
    /// <summary>Cases where the first diagnostic is gcc's own first diagnostic, word for word and at the same place.</summary>
    public static TheoryData<string, string> SameAsGcc => new()
    {
        { "foo *x;", "1:1: error: unknown type name 'foo'" },
        { "bar y;", "1:1: error: unknown type name 'bar'" },
        { "void f(foo x);", "1:8: error: unknown type name 'foo'" },
        { "struct s { int a: ; };", "1:19: error: expected expression before ';' token" },
        { "int x = ;", "1:9: error: expected expression before ';' token" },
        { "int f(int a int b);", "1:13: error: expected ';', ',' or ')' before 'int'" },
        { "struct { int a; } }", "1:19: error: expected identifier or '(' before '}' token" },
        { "int a[3;", "1:8: error: expected ']' before ';' token" },
        { "enum { A, 3 };", "1:11: error: expected identifier before numeric constant" },
        { "x;", "1:1: warning: data definition has no type or storage class" },
        { "struct s { int a }", "1:18: warning: no semicolon at end of struct or union" },
        { "int x = (1 + 2;", "1:15: error: expected ')' before ';' token" },
        { "int x = sizeof(int;", "1:19: error: expected ')' before ';' token" },
        { "typedef int T; int y = T;", "1:24: error: expected expression before 'T'" },
        { "struct s { x; };", "1:12: error: expected specifier-qualifier-list before 'x'" },
        { "struct p __attribute__((packed)) { char c; };", "1:34: error: expected identifier or '(' before '{' token" },
        { "void f(void) __attribute__((cold)) { }", "1:1: error: attributes should be specified before the declarator in a function definition" },
        { "int z = 1 +\n  ];", "2:3: error: expected expression before ']' token" },
        { "void f(int, foo);", "1:13: error: unknown type name 'foo'" },
        { "struct s { foo x; };", "1:12: error: unknown type name 'foo'" },
        { "static foo x;", "1:8: error: unknown type name 'foo'" },
        // Only at the start of a file-scope declaration is "A B" an unknown type even when A is declared.
        { "int foo; foo x;", "1:10: error: unknown type name 'foo'" },
        { "int foo; void f(foo x);", "1:17: error: expected declaration specifiers or '...' before 'foo'" },
        { "int foo; struct s { foo x; };", "1:21: error: expected specifier-qualifier-list before 'foo'" },
        { "int foo; static foo x;", "1:21: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'x'" },
        { "typedef int T; void g(int T, T x);", "1:30: error: expected declaration specifiers or '...' before 'T'" },
        { "struct s { int a __attribute__((packed)) : 3; };", "1:42: error: expected ',', ';' or '}' before ':' token" },
        { "int v[2] = { 1 2 };", "1:16: error: expected '}' before numeric constant" },
        { "enum { A = };", "1:12: error: expected expression before '}' token" },
        { "int x[] = { [1] = };", "1:19: error: expected expression before '}' token" },
        { "struct s { int a; } x y;", "1:23: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'y'" },
        { "int v = (int)();", "1:15: error: expected expression before ')' token" },
        { "int v = sizeof(struct);", "1:22: error: expected '{' before ')' token" },
        // A typedef name is not taken as an identifier argument of an attribute.
        { "typedef int DI; typedef int di_t __attribute__((mode(DI)));", "1:54: error: expected expression before 'DI'" },
    };

    [Theory]
    [MemberData(nameof(SameAsGcc))]
    public void First_diagnostic_is_where_and_what_gcc_reports(string code, string expected)
    {
        Assert.Equal(expected, FirstDiagnostic(code));
        Assert.Equal(expected, GccOracle.Diagnostics(code).FirstOrDefault());
    }

    /// <summary>
    /// Cases where we knowingly differ from gcc: a missing token is reported at
    /// the token found instead (gcc points just past the previous token), and
    /// an unterminated body is reported as the missing '}'.
    /// </summary>
    public static TheoryData<string, string> OurOwn => new()
    {
        { "int a\nint b;", "2:1: error: expected '=', ',', ';', 'asm' or '__attribute__' before 'int'" },
        { "__attribute__((aligned(8)) int x;", "1:28: error: expected ')' before 'int'" },
        { "void f(void) { ", "1:16: error: expected '}' at end of input" },
        { "int 3x;", "1:5: error: expected identifier or '(' before numeric constant" },
        { "struct s { int a; } int b;", "1:21: error: expected identifier or '(' before 'int'" },
        { "int f(int, ...", "1:15: error: expected ')' at end of input" },
        { "static_assert(1 \"m\");", "1:17: error: expected ')' before string constant" },
        { "int foo; int v = sizeof(const foo *);", "1:31: error: expected ')' before 'foo'" },
    };

    [Theory]
    [MemberData(nameof(OurOwn))]
    public void First_diagnostic_is_reported_at_the_offending_token(string code, string expected) =>
        Assert.Equal(expected, FirstDiagnostic(code));

    [Fact]
    public void Parsing_resumes_after_a_broken_declaration()
    {
        var result = ParseTestHelper.Parse("int a[3;\nint 4 5 6;\nstruct s { int x; 1 2; int y; };\nint b;");
        Assert.Equal(
            "1:8: error: expected ']' before ';' token\n"
            + "2:5: error: expected identifier or '(' before numeric constant\n"
            + "3:19: error: expected specifier-qualifier-list before numeric constant",
            ParseTestHelper.Diagnostics(result));
        var last = ParseTestHelper.Items(result.Root.GetSlot(0)).Last();
        Assert.Equal("Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(b))] ;)", ParseTestHelper.Listing(last));
        var structure = ParseTestHelper.Items(result.Root.GetSlot(0)).Single(d => ParseTestHelper.Listing(d).Contains("struct s"));
        Assert.Contains("SkippedTokens(1 2 ;) MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(y))] ;)", ParseTestHelper.Listing(structure));
    }

    [Fact]
    public void Diagnostic_offsets_are_relative_to_the_first_token()
    {
        var result = ParseTestHelper.Parse("  int x = ;");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(10, diagnostic.RelativeOffset);
        Assert.Equal(1, diagnostic.Length);
        Assert.Equal("LE1101", diagnostic.Descriptor.Code);
    }

    [Fact]
    public void Stray_closing_tokens_at_file_scope_are_skipped_once()
    {
        var result = ParseTestHelper.Parse(") ] } int ok;");
        Assert.Equal("1:1: error: expected identifier or '(' before ')' token", ParseTestHelper.Diagnostics(result));
        Assert.Equal("SkippedTokens() ] })", ParseTestHelper.Listing(result.Root.GetSlot(0)!.GetSlot(0)));
    }

    [Theory]
    [InlineData("int v = ", "(", "1;")]
    [InlineData("int v = ", "{", "1;")]
    [InlineData("int v = ", "*", "p;")]
    [InlineData("int v = ", "- ", "1;")]
    [InlineData("int v = ", "a[", "0;")]
    [InlineData("int ", "*", "v;")]
    [InlineData("int ", "(", "v;")]
    [InlineData("", "struct { ", "")]
    [InlineData("void f(", "void (*)(", "")]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow(string before, string repeated, string after)
    {
        var text = before + string.Concat(Enumerable.Repeat(repeated, 10_000)) + after + "\nint ok;";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var result = ParseTestHelper.Parse(text);
        watch.Stop();
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("nesting too deep (more than 256 levels)", error.Message);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void Balanced_deep_parentheses_report_once()
    {
        var text = "int v = " + new string('(', 5000) + "1" + new string(')', 5000) + "; int w;";
        var result = ParseTestHelper.Parse(text);
        Assert.Equal(["LE1005"], result.Diagnostics.Select(d => d.Descriptor.Code));
        Assert.Equal("Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(w))] ;)",
            ParseTestHelper.Listing(ParseTestHelper.Items(result.Root.GetSlot(0)).Last()));
    }

    [Fact]
    public void The_nesting_limit_is_an_option()
    {
        var options = new CParserOptions { MaxNesting = 4 };
        var result = ParseTestHelper.Parse("int v = ((((((1))))));", options);
        Assert.Equal("nesting too deep (more than 4 levels)", Assert.Single(result.Diagnostics).Message);
    }

    private static string? FirstDiagnostic(string code)
    {
        var result = ParseTestHelper.Parse(code);
        return ParseTestHelper.Diagnostics(result, errorsOnly: false).Split('\n')[0] is { Length: > 0 } first ? first : null;
    }
}
