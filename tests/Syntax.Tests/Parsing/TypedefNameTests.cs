using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>The typedef-name ambiguity (C11 6.7.8p3), settled as gcc's parser settles it.</summary>
public class TypedefNameTests
{
    public static TheoryData<string, string> Cases => new()
    {
        {
            // At file scope "T * x;" can only be a declaration.
            "typedef int T; T * x;",
            "Declaration(DeclarationSpecifiers(T) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(x)))] ;)"
        },
        {
            // Members have their own name space (C11 6.2.3): "T T" is a member T of type T, and T stays a type.
            "typedef int T; struct s { T T; T *p; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct s { [MemberDeclaration(DeclarationSpecifiers(T) [MemberDeclarator(IdentifierDeclarator(T))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(T) [MemberDeclarator(PointerDeclarator(* IdentifierDeclarator(p)))] ;)] })) ;)"
        },
        {
            // After a type specifier, a typedef name is the declarator.
            "typedef int T; struct u { unsigned T; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct u { [MemberDeclaration(DeclarationSpecifiers(unsigned) [MemberDeclarator(IdentifierDeclarator(T))] ;)] })) ;)"
        },
        {
            // A parameter named T hides the typedef for the rest of its prototype, so "sizeof T" is of the parameter.
            "typedef int T; void g(int T, int a[sizeof T]);",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(g) ( [ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(T)) , "
            + "ParameterDeclaration(DeclarationSpecifiers(int) ArrayDeclarator(IdentifierDeclarator(a) [ SizeofExpression(sizeof IdentifierName(T)) ]))] )))] ;)"
        },
        {
            // ... and the prototype scope ends at ')'.
            "typedef int T; void g(int T); T y;",
            "Declaration(DeclarationSpecifiers(T) [InitDeclarator(IdentifierDeclarator(y))] ;)"
        },
        {
            // C11 6.7.6.3p11: in a parameter, "(T)" with T a typedef name is a function taking a T.
            "typedef int T; void h(int (T));",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(h) ( [ParameterDeclaration(DeclarationSpecifiers(int) "
            + "FunctionDeclarator(( [ParameterDeclaration(DeclarationSpecifiers(T))] )))] )))] ;)"
        },
        {
            // ... and with an ordinary name it is a parenthesised declarator.
            "void k(int (x));",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(k) ( [ParameterDeclaration(DeclarationSpecifiers(int) ParenthesizedDeclarator(( IdentifierDeclarator(x) )))] )))] ;)"
        },
        {
            // A cast needs a type name after '('.
            "typedef int T; enum { a }; int u = (T)+1, w = (a)+1;",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(u) = CastExpression(( TypeName(DeclarationSpecifiers(T)) ) PrefixUnaryExpression(+ NumberLiteral(1)))) , "
            + "InitDeclarator(IdentifierDeclarator(w) = BinaryExpression(ParenthesizedExpression(( IdentifierName(a) )) + NumberLiteral(1)))] ;)"
        },
        {
            // Each declarator's name is in scope right after it.
            "typedef int A, *B; B b;",
            "Declaration(DeclarationSpecifiers(B) [InitDeclarator(IdentifierDeclarator(b))] ;)"
        },
        {
            // Tags and typedef names are different name spaces.
            "typedef struct T T; struct T { T *next; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct T { [MemberDeclaration(DeclarationSpecifiers(T) [MemberDeclarator(PointerDeclarator(* IdentifierDeclarator(next)))] ;)] })) ;)"
        },
        {
            "typedef int T; int n = sizeof(T), m = sizeof(n);",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(n) = SizeofTypeExpression(sizeof ( TypeName(DeclarationSpecifiers(T)) ))) , "
            + "InitDeclarator(IdentifierDeclarator(m) = SizeofExpression(sizeof ParenthesizedExpression(( IdentifierName(n) ))))] ;)"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Typedef_names_are_resolved_like_gcc(string code, string expected) =>
        Assert.Equal(expected, ParseTestHelper.LastDeclaration(code));

    [Fact]
    public void Predefined_typedef_names_come_from_the_options()
    {
        var options = new CParserOptions { PredefinedTypedefNames = ["my_t"] };
        var result = ParseTestHelper.Parse("my_t * x;", options);
        Assert.Equal("", ParseTestHelper.Diagnostics(result));
        Assert.Equal("Declaration(DeclarationSpecifiers(my_t) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(x)))] ;)",
            ParseTestHelper.Listing(result.Root.GetSlot(0)!.GetSlot(0)));
    }
}
