namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>Declarations, specifiers, struct/union/enum, declarators and function definitions (C11 6.7, 6.9).</summary>
public class DeclarationTests
{
    public static TheoryData<string, string> Cases => new()
    {
        {
            "int x;",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(x))] ;)"
        },
        {
            "unsigned long long int a, *b;",
            "Declaration(DeclarationSpecifiers(unsigned long long int) [InitDeclarator(IdentifierDeclarator(a)) , InitDeclarator(PointerDeclarator(* IdentifierDeclarator(b)))] ;)"
        },
        {
            "struct s;",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct s)) ;)"
        },
        {
            "struct s { int a; char b[4]; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct s { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(char) [MemberDeclarator(ArrayDeclarator(IdentifierDeclarator(b) [ NumberLiteral(4) ]))] ;)] })) ;)"
        },
        {
            "union { int i; float f; } u;",
            "Declaration(DeclarationSpecifiers(UnionSpecifier(union { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(i))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(float) [MemberDeclarator(IdentifierDeclarator(f))] ;)] })) [InitDeclarator(IdentifierDeclarator(u))] ;)"
        },
        {
            // A nested named struct, and an anonymous union member (C11 6.7.2.1p13).
            "struct o { struct i { int a; } x; union { int b; long c; }; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct o { ["
            + "MemberDeclaration(DeclarationSpecifiers(StructSpecifier(struct i { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;)] })) [MemberDeclarator(IdentifierDeclarator(x))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(UnionSpecifier(union { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(b))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(long) [MemberDeclarator(IdentifierDeclarator(c))] ;)] })) ;)] })) ;)"
        },
        {
            "struct b { unsigned a : 3, : 0, c : 1 + 1; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct b { [MemberDeclaration(DeclarationSpecifiers(unsigned) [MemberDeclarator(IdentifierDeclarator(a) : NumberLiteral(3)) , "
            + "MemberDeclarator(: NumberLiteral(0)) , MemberDeclarator(IdentifierDeclarator(c) : BinaryExpression(NumberLiteral(1) + NumberLiteral(1)))] ;)] })) ;)"
        },
        {
            "struct f { int n; int d[]; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct f { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(n))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(ArrayDeclarator(IdentifierDeclarator(d) [ ]))] ;)] })) ;)"
        },
        {
            // GNU: an empty struct, and a stray ';' among members.
            "struct e {}; struct g { int a;; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct e { })) ;)\n"
            + "Declaration(DeclarationSpecifiers(StructSpecifier(struct g { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;) EmptyDeclaration(;)] })) ;)"
        },
        {
            "enum e { A, B = 2, C = B << 1, };",
            "Declaration(DeclarationSpecifiers(EnumSpecifier(enum e { [Enumerator(A) , Enumerator(B = NumberLiteral(2)) , Enumerator(C = BinaryExpression(IdentifierName(B) << NumberLiteral(1))) ,] })) ;)"
        },
        {
            "enum e; extern enum e x;",
            "Declaration(DeclarationSpecifiers(EnumSpecifier(enum e)) ;)\n"
            + "Declaration(DeclarationSpecifiers(extern EnumSpecifier(enum e)) [InitDeclarator(IdentifierDeclarator(x))] ;)"
        },
        {
            "typedef struct { int a; } S; S s;",
            "Declaration(DeclarationSpecifiers(typedef StructSpecifier(struct { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;)] })) [InitDeclarator(IdentifierDeclarator(S))] ;)\n"
            + "Declaration(DeclarationSpecifiers(S) [InitDeclarator(IdentifierDeclarator(s))] ;)"
        },
        {
            "typedef struct list_head list_head_t; struct list_head { list_head_t *next; };",
            "Declaration(DeclarationSpecifiers(typedef StructSpecifier(struct list_head)) [InitDeclarator(IdentifierDeclarator(list_head_t))] ;)\n"
            + "Declaration(DeclarationSpecifiers(StructSpecifier(struct list_head { [MemberDeclaration(DeclarationSpecifiers(list_head_t) [MemberDeclarator(PointerDeclarator(* IdentifierDeclarator(next)))] ;)] })) ;)"
        },
        {
            "typedef int F(int); typedef F *PF; PF p;",
            "Declaration(DeclarationSpecifiers(typedef int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(F) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )))] ;)\n"
            + "Declaration(DeclarationSpecifiers(typedef F) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(PF)))] ;)\n"
            + "Declaration(DeclarationSpecifiers(PF) [InitDeclarator(IdentifierDeclarator(p))] ;)"
        },
        {
            "int f(void);",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(void))] )))] ;)"
        },
        {
            "void f();",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(f) ( )))] ;)"
        },
        {
            "int printf(const char *fmt, ...);",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(printf) ( [ParameterDeclaration(DeclarationSpecifiers(const char) PointerDeclarator(* IdentifierDeclarator(fmt))) , ...] )))] ;)"
        },
        {
            // Abstract declarators in parameters.
            "void g(int *, char [], void (*)(int));",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(g) ( [ParameterDeclaration(DeclarationSpecifiers(int) PointerDeclarator(*)) , "
            + "ParameterDeclaration(DeclarationSpecifiers(char) ArrayDeclarator([ ])) , "
            + "ParameterDeclaration(DeclarationSpecifiers(void) FunctionDeclarator(ParenthesizedDeclarator(( PointerDeclarator(*) )) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )))] )))] ;)"
        },
        {
            "void (*fp)(int);",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(ParenthesizedDeclarator(( PointerDeclarator(* IdentifierDeclarator(fp)) )) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )))] ;)"
        },
        {
            // A pointer to an array, then an array of pointers.
            "int (*a)[4], *b[4];",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(ArrayDeclarator(ParenthesizedDeclarator(( PointerDeclarator(* IdentifierDeclarator(a)) )) [ NumberLiteral(4) ])) , "
            + "InitDeclarator(PointerDeclarator(* ArrayDeclarator(IdentifierDeclarator(b) [ NumberLiteral(4) ])))] ;)"
        },
        {
            "char *const *volatile p;",
            "Declaration(DeclarationSpecifiers(char) [InitDeclarator(PointerDeclarator(* [const] PointerDeclarator(* [volatile] IdentifierDeclarator(p))))] ;)"
        },
        {
            "int m[2][3];",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(ArrayDeclarator(ArrayDeclarator(IdentifierDeclarator(m) [ NumberLiteral(2) ]) [ NumberLiteral(3) ]))] ;)"
        },
        {
            "int ((y));",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(ParenthesizedDeclarator(( ParenthesizedDeclarator(( IdentifierDeclarator(y) )) )))] ;)"
        },
        {
            // C11 7.14.1.1: a function returning a pointer to a function.
            "void (*signal(int sig, void (*func)(int)))(int);",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(ParenthesizedDeclarator(( PointerDeclarator(* FunctionDeclarator(IdentifierDeclarator(signal) ( "
            + "[ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(sig)) , ParameterDeclaration(DeclarationSpecifiers(void) FunctionDeclarator(ParenthesizedDeclarator(( PointerDeclarator(* IdentifierDeclarator(func)) )) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )))] "
            + "))) )) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )))] ;)"
        },
        {
            "void f(int a[static 4], int b[const], int n, int c[*]);",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(int) ArrayDeclarator(IdentifierDeclarator(a) [ [static] NumberLiteral(4) ])) , "
            + "ParameterDeclaration(DeclarationSpecifiers(int) ArrayDeclarator(IdentifierDeclarator(b) [ [const] ])) , ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(n)) , "
            + "ParameterDeclaration(DeclarationSpecifiers(int) ArrayDeclarator(IdentifierDeclarator(c) [ * ]))] )))] ;)"
        },
        {
            "extern _Thread_local int t; static __thread int u;",
            "Declaration(DeclarationSpecifiers(extern _Thread_local int) [InitDeclarator(IdentifierDeclarator(t))] ;)\n"
            + "Declaration(DeclarationSpecifiers(static __thread int) [InitDeclarator(IdentifierDeclarator(u))] ;)"
        },
        {
            "const volatile int * restrict p;",
            "Declaration(DeclarationSpecifiers(const volatile int) [InitDeclarator(PointerDeclarator(* [restrict] IdentifierDeclarator(p)))] ;)"
        },
        {
            "_Bool b; _Complex double z; unsigned __int128 w; __signed__ char c;",
            "Declaration(DeclarationSpecifiers(_Bool) [InitDeclarator(IdentifierDeclarator(b))] ;)\n"
            + "Declaration(DeclarationSpecifiers(_Complex double) [InitDeclarator(IdentifierDeclarator(z))] ;)\n"
            + "Declaration(DeclarationSpecifiers(unsigned __int128) [InitDeclarator(IdentifierDeclarator(w))] ;)\n"
            + "Declaration(DeclarationSpecifiers(__signed__ char) [InitDeclarator(IdentifierDeclarator(c))] ;)"
        },
        {
            "static inline int f(int a) { return a + 1; }",
            "FunctionDefinition(DeclarationSpecifiers(static inline int) FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(a))] )) UnparsedBlock({ [return a + 1 ;] }))"
        },
        {
            // The body is a balanced run of tokens; only braces count.
            "void f(void) { if (1) { g(\"}\"); } } int after;",
            "FunctionDefinition(DeclarationSpecifiers(void) FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(void))] )) UnparsedBlock({ [if ( 1 ) { g ( \"}\" ) ; }] }))\n"
            + "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(after))] ;)"
        },
        {
            // The derivation nearest the name is the function, so this is a definition of f (C11 6.9.1p2).
            "int *f(void) { return 0; }",
            "FunctionDefinition(DeclarationSpecifiers(int) PointerDeclarator(* FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(void))] ))) UnparsedBlock({ [return 0 ;] }))"
        },
        {
            "int f(a, b) int a; char b; { return a; }",
            "FunctionDefinition(DeclarationSpecifiers(int) FunctionDeclarator(IdentifierDeclarator(f) ( [a , b] )) "
            + "[Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(a))] ;) Declaration(DeclarationSpecifiers(char) [InitDeclarator(IdentifierDeclarator(b))] ;)] UnparsedBlock({ [return a ;] }))"
        },
        {
            "_Static_assert(sizeof(int) == 4, \"int\");",
            "StaticAssertDeclaration(_Static_assert ( BinaryExpression(SizeofTypeExpression(sizeof ( TypeName(DeclarationSpecifiers(int)) )) == NumberLiteral(4)) , StringLiteralExpression(\"int\") ) ;)"
        },
        {
            "struct s { int a; _Static_assert(1, \"m\"); };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct s { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;) "
            + "StaticAssertDeclaration(_Static_assert ( NumberLiteral(1) , StringLiteralExpression(\"m\") ) ;)] })) ;)"
        },
        {
            // GNU forward parameter declarations.
            "int f(int n; int a[n], int n);",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(n)) ; "
            + "ParameterDeclaration(DeclarationSpecifiers(int) ArrayDeclarator(IdentifierDeclarator(a) [ IdentifierName(n) ])) , ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(n))] )))] ;)"
        },
        {
            ";int x;",
            "EmptyDeclaration(;)\nDeclaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(x))] ;)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Declarations_parse_to_the_expected_tree(string code, string expected) =>
        Assert.Equal(expected, ParseTestHelper.Declarations(code));

    [Fact]
    public void Static_assert_macro_spelling_is_accepted()
    {
        // <assert.h> defines static_assert as _Static_assert in C11; the parser takes it as written too.
        Assert.Equal(
            "StaticAssertDeclaration(static_assert ( NumberLiteral(1) , StringLiteralExpression(\"x\") ) ;)",
            ParseTestHelper.Declarations("static_assert(1, \"x\");"));
    }

    [Fact]
    public void Trivia_stays_with_the_tokens()
    {
        var text = "/* lead */ int   x /* mid */ ;\n// tail\n";
        var result = ParseTestHelper.Parse(text);
        Assert.Equal(text, result.Root.ToFullString());
        Assert.Equal("Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(x))] ;)", ParseTestHelper.Declarations(text));
    }

    [Fact]
    public void An_empty_input_is_an_empty_translation_unit()
    {
        var result = ParseTestHelper.Parse("  \n");
        Assert.Equal("TranslationUnit()", ParseTestHelper.Listing(result.Root));
        Assert.Empty(result.Diagnostics);
    }
}
