namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>The expression grammar (C11 6.5) with GNU additions, as initializers of file-scope declarations.</summary>
public class ExpressionTests
{
    /// <summary>Declarations the expressions refer to; gcc checks the same expressions against them.</summary>
    public const string Prelude =
        "typedef int T; int a, b, c, *p; struct S { int x; int y[4]; } s, *ps; int f(int, int); __builtin_va_list ap;\n";

    public static TheoryData<string, string> Cases => new()
    {
        { "1 + 2 * 3", "BinaryExpression(NumberLiteral(1) + BinaryExpression(NumberLiteral(2) * NumberLiteral(3)))" },
        { "a - b - c", "BinaryExpression(BinaryExpression(IdentifierName(a) - IdentifierName(b)) - IdentifierName(c))" },
        {
            "a << 1 | b & 2 ^ c",
            "BinaryExpression(BinaryExpression(IdentifierName(a) << NumberLiteral(1)) | BinaryExpression(BinaryExpression(IdentifierName(b) & NumberLiteral(2)) ^ IdentifierName(c)))"
        },
        { "a || b && c", "BinaryExpression(IdentifierName(a) || BinaryExpression(IdentifierName(b) && IdentifierName(c)))" },
        { "a == b < c", "BinaryExpression(IdentifierName(a) == BinaryExpression(IdentifierName(b) < IdentifierName(c)))" },
        { "a % b / c", "BinaryExpression(BinaryExpression(IdentifierName(a) % IdentifierName(b)) / IdentifierName(c))" },
        { "a >= b != c > 1", "BinaryExpression(BinaryExpression(IdentifierName(a) >= IdentifierName(b)) != BinaryExpression(IdentifierName(c) > NumberLiteral(1)))" },
        {
            "a ? b : c ? 1 : 2",
            "ConditionalExpression(IdentifierName(a) ? IdentifierName(b) : ConditionalExpression(IdentifierName(c) ? NumberLiteral(1) : NumberLiteral(2)))"
        },
        { "a ?: b", "ConditionalExpression(IdentifierName(a) ? : IdentifierName(b))" },
        { "a = b += 3", "AssignmentExpression(IdentifierName(a) = AssignmentExpression(IdentifierName(b) += NumberLiteral(3)))" },
        { "(a, b)", "ParenthesizedExpression(( BinaryExpression(IdentifierName(a) , IdentifierName(b)) ))" },
        { "-~!a", "PrefixUnaryExpression(- PrefixUnaryExpression(~ PrefixUnaryExpression(! IdentifierName(a))))" },
        { "*p++", "PrefixUnaryExpression(* PostfixUnaryExpression(IdentifierName(p) ++))" },
        { "a++ + ++b", "BinaryExpression(PostfixUnaryExpression(IdentifierName(a) ++) + PrefixUnaryExpression(++ IdentifierName(b)))" },
        { "&s.y[1]", "PrefixUnaryExpression(& SubscriptExpression(MemberAccessExpression(IdentifierName(s) . y) [ NumberLiteral(1) ]))" },
        { "ps->x", "MemberAccessExpression(IdentifierName(ps) -> x)" },
        { "(long)a", "CastExpression(( TypeName(DeclarationSpecifiers(long)) ) IdentifierName(a))" },
        { "(T)+1", "CastExpression(( TypeName(DeclarationSpecifiers(T)) ) PrefixUnaryExpression(+ NumberLiteral(1)))" },
        { "(a)+1", "BinaryExpression(ParenthesizedExpression(( IdentifierName(a) )) + NumberLiteral(1))" },
        { "(unsigned char *)p", "CastExpression(( TypeName(DeclarationSpecifiers(unsigned char) PointerDeclarator(*)) ) IdentifierName(p))" },
        {
            "(char)(short)a",
            "CastExpression(( TypeName(DeclarationSpecifiers(char)) ) CastExpression(( TypeName(DeclarationSpecifiers(short)) ) IdentifierName(a)))"
        },
        { "(int (*)[4])p", "CastExpression(( TypeName(DeclarationSpecifiers(int) ArrayDeclarator(ParenthesizedDeclarator(( PointerDeclarator(*) )) [ NumberLiteral(4) ])) ) IdentifierName(p))" },
        { "sizeof(int[4])", "SizeofTypeExpression(sizeof ( TypeName(DeclarationSpecifiers(int) ArrayDeclarator([ NumberLiteral(4) ])) ))" },
        { "sizeof a", "SizeofExpression(sizeof IdentifierName(a))" },
        { "sizeof (a) + 1", "BinaryExpression(SizeofExpression(sizeof ParenthesizedExpression(( IdentifierName(a) ))) + NumberLiteral(1))" },
        { "sizeof(struct S) * 2", "BinaryExpression(SizeofTypeExpression(sizeof ( TypeName(DeclarationSpecifiers(StructSpecifier(struct S))) )) * NumberLiteral(2))" },
        { "sizeof (int){1}", "SizeofExpression(sizeof CompoundLiteral(( TypeName(DeclarationSpecifiers(int)) ) InitializerList({ [NumberLiteral(1)] })))" },
        { "sizeof ps->y", "SizeofExpression(sizeof MemberAccessExpression(IdentifierName(ps) -> y))" },
        { "_Alignof(long long)", "AlignofTypeExpression(_Alignof ( TypeName(DeclarationSpecifiers(long long)) ))" },
        { "__alignof__(s)", "AlignofExpression(__alignof__ ParenthesizedExpression(( IdentifierName(s) )))" },
        {
            "__builtin_offsetof(struct S, y[3])",
            "OffsetofExpression(__builtin_offsetof ( TypeName(DeclarationSpecifiers(StructSpecifier(struct S))) , [FieldDesignator(y) ArrayDesignator([ NumberLiteral(3) ])] ))"
        },
        {
            "__builtin_types_compatible_p(int, T)",
            "TypesCompatibleExpression(__builtin_types_compatible_p ( TypeName(DeclarationSpecifiers(int)) , TypeName(DeclarationSpecifiers(T)) ))"
        },
        { "__builtin_choose_expr(1, a, b)", "ChooseExpression(__builtin_choose_expr ( NumberLiteral(1) , IdentifierName(a) , IdentifierName(b) ))" },
        { "__builtin_va_arg(ap, int)", "VaArgExpression(__builtin_va_arg ( IdentifierName(ap) , TypeName(DeclarationSpecifiers(int)) ))" },
        {
            "(struct S){ .x = 1 }.x",
            "MemberAccessExpression(CompoundLiteral(( TypeName(DeclarationSpecifiers(StructSpecifier(struct S))) ) InitializerList({ [DesignatedInitializer([FieldDesignator(. x)] = NumberLiteral(1))] })) . x)"
        },
        { "\"ab\" \"cd\" L\"ef\"", "StringLiteralExpression(\"ab\" \"cd\" L\"ef\")" },
        { "({ int y = a; y; })", "StatementExpression(( UnparsedBlock({ [int y = a ; y ;] }) ))" },
        { "f(a, b)", "CallExpression(IdentifierName(f) ( [IdentifierName(a) , IdentifierName(b)] ))" },
        { "f((a, b), c)", "CallExpression(IdentifierName(f) ( [ParenthesizedExpression(( BinaryExpression(IdentifierName(a) , IdentifierName(b)) )) , IdentifierName(c)] ))" },
        {
            "_Generic(a, int: 1, default: 2)",
            "GenericSelection(_Generic ( IdentifierName(a) , [GenericAssociation(TypeName(DeclarationSpecifiers(int)) : NumberLiteral(1)) , GenericAssociation(default : NumberLiteral(2))] ))"
        },
        { "'a' + 0x1fUL", "BinaryExpression(CharacterLiteral('a') + NumberLiteral(0x1fUL))" },
        { "__extension__ 1ULL", "PrefixUnaryExpression(__extension__ NumberLiteral(1ULL))" },
        { "__builtin_constant_p(a) ? 1 : 0", "ConditionalExpression(CallExpression(IdentifierName(__builtin_constant_p) ( [IdentifierName(a)] )) ? NumberLiteral(1) : NumberLiteral(0))" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expressions_parse_to_the_expected_tree(string expression, string expected) =>
        Assert.Equal(expected, ParseTestHelper.Initializer(Prelude + "__auto_type v = " + expression + ";"));

    public static TheoryData<string, string> InitializerCases => new()
    {
        { "int v1[3] = { 1, 2, };", "InitializerList({ [NumberLiteral(1) , NumberLiteral(2) ,] })" },
        {
            "struct S v2 = { .x = 1, .y = { [0] = 2, [1 ... 3] = 4 } };",
            "InitializerList({ [DesignatedInitializer([FieldDesignator(. x)] = NumberLiteral(1)) , DesignatedInitializer([FieldDesignator(. y)] = InitializerList({ "
            + "[DesignatedInitializer([ArrayDesignator([ NumberLiteral(0) ])] = NumberLiteral(2)) , DesignatedInitializer([ArrayDesignator([ NumberLiteral(1) ... NumberLiteral(3) ])] = NumberLiteral(4))] }))] })"
        },
        { "struct S v3 = { .y[2] = 5 };", "InitializerList({ [DesignatedInitializer([FieldDesignator(. y) ArrayDesignator([ NumberLiteral(2) ])] = NumberLiteral(5))] })" },
        { "struct S v4 = {};", "InitializerList({ })" },
        { "struct S v5 = { x: 1 };", "InitializerList({ [DesignatedInitializer([FieldDesignator(x)] : NumberLiteral(1))] })" },
        { "int v6[4] = { [1] 2 };", "InitializerList({ [DesignatedInitializer([ArrayDesignator([ NumberLiteral(1) ])] NumberLiteral(2))] })" },
        { "struct S v7[2] = { { 1 }, { 2 } };", "InitializerList({ [InitializerList({ [NumberLiteral(1)] }) , InitializerList({ [NumberLiteral(2)] })] })" },
        { "int *v8 = (int []){ 1, 2 };", "CompoundLiteral(( TypeName(DeclarationSpecifiers(int) ArrayDeclarator([ ])) ) InitializerList({ [NumberLiteral(1) , NumberLiteral(2)] }))" },
        { "char v9[] = \"a\" \"b\";", "StringLiteralExpression(\"a\" \"b\")" },
        { "int *v10 = &a;", "PrefixUnaryExpression(& IdentifierName(a))" },
    };

    [Theory]
    [MemberData(nameof(InitializerCases))]
    public void Initializers_parse_to_the_expected_tree(string declaration, string expected) =>
        Assert.Equal(expected, ParseTestHelper.Initializer(Prelude + declaration));

    [Fact]
    public void Address_of_a_label_is_a_prefix_operator()
    {
        // GCC "Labels as Values": only meaningful in a body, but the syntax is an expression.
        Assert.Equal("PrefixUnaryExpression(&& IdentifierName(out))", ParseTestHelper.Initializer("void *v = &&out;"));
    }

    [Fact]
    public void A_long_operator_chain_is_left_nested_and_prints_back()
    {
        var text = "int v = " + string.Join(" + ", Enumerable.Range(0, 1000)) + ";";
        var listing = ParseTestHelper.Initializer(text);
        Assert.StartsWith(string.Concat(Enumerable.Repeat("BinaryExpression(", 999)) + "NumberLiteral(0) + NumberLiteral(1))", listing);
    }
}
