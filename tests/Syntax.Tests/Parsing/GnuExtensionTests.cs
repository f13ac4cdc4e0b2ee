namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>The GNU C extensions kernel headers use (GCC manual, "Extensions to the C Language Family").</summary>
public class GnuExtensionTests
{
    private const string Unused = "AttributeSpecifier(__attribute__ ( ( [Attribute(unused)] ) ))";

    public static TheoryData<string, string> Cases => new()
    {
        {
            "__attribute__((unused)) static int a;",
            $"Declaration(DeclarationSpecifiers({Unused} static int) [InitDeclarator(IdentifierDeclarator(a))] ;)"
        },
        {
            "int __attribute__((aligned(8))) b;",
            "Declaration(DeclarationSpecifiers(int AttributeSpecifier(__attribute__ ( ( [Attribute(aligned ( [NumberLiteral(8)] ))] ) ))) [InitDeclarator(IdentifierDeclarator(b))] ;)"
        },
        {
            "struct __attribute__((packed)) p { char c; int i; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct [AttributeSpecifier(__attribute__ ( ( [Attribute(packed)] ) ))] p { "
            + "[MemberDeclaration(DeclarationSpecifiers(char) [MemberDeclarator(IdentifierDeclarator(c))] ;) MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(i))] ;)] })) ;)"
        },
        {
            "struct q { char c; } __attribute__((aligned(16), packed));",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct q { [MemberDeclaration(DeclarationSpecifiers(char) [MemberDeclarator(IdentifierDeclarator(c))] ;)] } "
            + "[AttributeSpecifier(__attribute__ ( ( [Attribute(aligned ( [NumberLiteral(16)] )) , Attribute(packed)] ) ))])) ;)"
        },
        {
            // After a struct reference, attributes belong to the declaration specifiers.
            "struct q __attribute__((unused)) *qp;",
            $"Declaration(DeclarationSpecifiers(StructSpecifier(struct q) {Unused}) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(qp)))] ;)"
        },
        {
            "int * __attribute__((unused)) const up;",
            $"Declaration(DeclarationSpecifiers(int) [InitDeclarator(PointerDeclarator(* [{Unused} const] IdentifierDeclarator(up)))] ;)"
        },
        {
            "void (__attribute__((noreturn)) *die)(void);",
            "Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(ParenthesizedDeclarator(( [AttributeSpecifier(__attribute__ ( ( [Attribute(noreturn)] ) ))] "
            + "PointerDeclarator(* IdentifierDeclarator(die)) )) ( [ParameterDeclaration(DeclarationSpecifiers(void))] )))] ;)"
        },
        {
            "extern int v __attribute__((weak)), w;",
            "Declaration(DeclarationSpecifiers(extern int) [InitDeclarator(IdentifierDeclarator(v) [AttributeSpecifier(__attribute__ ( ( [Attribute(weak)] ) ))]) , InitDeclarator(IdentifierDeclarator(w))] ;)"
        },
        {
            "struct r { int a __attribute__((aligned(8))); int b : 4 __attribute__((packed)); };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct r { [MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a) [AttributeSpecifier(__attribute__ ( ( [Attribute(aligned ( [NumberLiteral(8)] ))] ) ))])] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(b) : NumberLiteral(4) [AttributeSpecifier(__attribute__ ( ( [Attribute(packed)] ) ))])] ;)] })) ;)"
        },
        {
            "enum E { OLD __attribute__((deprecated)) = 1, NEW };",
            "Declaration(DeclarationSpecifiers(EnumSpecifier(enum E { [Enumerator(OLD [AttributeSpecifier(__attribute__ ( ( [Attribute(deprecated)] ) ))] = NumberLiteral(1)) , Enumerator(NEW)] })) ;)"
        },
        {
            "enum __attribute__((packed)) small { S1 } __attribute__((unused));",
            "Declaration(DeclarationSpecifiers(EnumSpecifier(enum [AttributeSpecifier(__attribute__ ( ( [Attribute(packed)] ) ))] small { [Enumerator(S1)] } "
            + $"[{Unused}])) ;)"
        },
        {
            "void f(int a __attribute__((unused)), __attribute__((unused)) int b);",
            $"Declaration(DeclarationSpecifiers(void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(f) ( [ParameterDeclaration(DeclarationSpecifiers(int) IdentifierDeclarator(a) [{Unused}]) , "
            + $"ParameterDeclaration(DeclarationSpecifiers({Unused} int) IdentifierDeclarator(b))] )))] ;)"
        },
        {
            // The short spelling, empty list elements, and an empty list.
            "static int c __attribute((,used,)) __attribute__(());",
            "Declaration(DeclarationSpecifiers(static int) [InitDeclarator(IdentifierDeclarator(c) [AttributeSpecifier(__attribute ( ( [, Attribute(used) ,] ) )) AttributeSpecifier(__attribute__ ( ( ) ))])] ;)"
        },
        {
            "int pf(const char *, ...) __attribute__((__format__(__printf__, 1, 2)));",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(pf) ( [ParameterDeclaration(DeclarationSpecifiers(const char) PointerDeclarator(*)) , ...] )) "
            + "[AttributeSpecifier(__attribute__ ( ( [Attribute(__format__ ( [IdentifierName(__printf__) , NumberLiteral(1) , NumberLiteral(2)] ))] ) ))])] ;)"
        },
        {
            // A lone identifier argument names something for the attribute (here a machine mode).
            "typedef int di_t __attribute__((__mode__(__DI__)));",
            "Declaration(DeclarationSpecifiers(typedef int) [InitDeclarator(IdentifierDeclarator(di_t) [AttributeSpecifier(__attribute__ ( ( [Attribute(__mode__ ( [IdentifierName(__DI__)] ))] ) ))])] ;)"
        },
        {
            "int s __attribute__((section(\".data\" \"..percpu\"), aligned(1 << 6)));",
            "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(s) [AttributeSpecifier(__attribute__ ( ( [Attribute(section ( [StringLiteralExpression(\".data\" \"..percpu\")] )) , "
            + "Attribute(aligned ( [BinaryExpression(NumberLiteral(1) << NumberLiteral(6))] ))] ) ))])] ;)"
        },
        {
            "__extension__ typedef long long ll;",
            "Declaration(DeclarationSpecifiers(__extension__ typedef long long) [InitDeclarator(IdentifierDeclarator(ll))] ;)"
        },
        {
            "struct x { __extension__ union { int a; long b; }; };",
            "Declaration(DeclarationSpecifiers(StructSpecifier(struct x { [MemberDeclaration(DeclarationSpecifiers(__extension__ UnionSpecifier(union { "
            + "[MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(a))] ;) MemberDeclaration(DeclarationSpecifiers(long) [MemberDeclarator(IdentifierDeclarator(b))] ;)] })) ;)] })) ;)"
        },
        {
            "typeof(int *) p; __typeof__(p) q; __typeof(*p) r;",
            "Declaration(DeclarationSpecifiers(TypeofSpecifier(typeof ( TypeName(DeclarationSpecifiers(int) PointerDeclarator(*)) ))) [InitDeclarator(IdentifierDeclarator(p))] ;)\n"
            + "Declaration(DeclarationSpecifiers(TypeofSpecifier(__typeof__ ( IdentifierName(p) ))) [InitDeclarator(IdentifierDeclarator(q))] ;)\n"
            + "Declaration(DeclarationSpecifiers(TypeofSpecifier(__typeof ( PrefixUnaryExpression(* IdentifierName(p)) ))) [InitDeclarator(IdentifierDeclarator(r))] ;)"
        },
        {
            "__auto_type gx = 1;",
            "Declaration(DeclarationSpecifiers(__auto_type) [InitDeclarator(IdentifierDeclarator(gx) = NumberLiteral(1))] ;)"
        },
        {
            "extern int foo(int) __asm__(\"\" \"bar\") __attribute__((unused)); int baz asm(\"qux\");",
            "Declaration(DeclarationSpecifiers(extern int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(foo) ( [ParameterDeclaration(DeclarationSpecifiers(int))] )) "
            + $"AsmLabel(__asm__ ( StringLiteralExpression(\"\" \"bar\") )) [{Unused}])] ;)\n"
            + "Declaration(DeclarationSpecifiers(int) [InitDeclarator(IdentifierDeclarator(baz) AsmLabel(asm ( StringLiteralExpression(\"qux\") )))] ;)"
        },
        {
            "_Alignas(16) char buf[16]; _Alignas(long) char c;",
            "Declaration(DeclarationSpecifiers(AlignasSpecifier(_Alignas ( NumberLiteral(16) )) char) [InitDeclarator(ArrayDeclarator(IdentifierDeclarator(buf) [ NumberLiteral(16) ]))] ;)\n"
            + "Declaration(DeclarationSpecifiers(AlignasSpecifier(_Alignas ( TypeName(DeclarationSpecifiers(long)) )) char) [InitDeclarator(IdentifierDeclarator(c))] ;)"
        },
        {
            // x86 named address spaces, as percpu code uses them.
            "extern __seg_gs int sx; int __seg_fs *sp;",
            "Declaration(DeclarationSpecifiers(extern __seg_gs int) [InitDeclarator(IdentifierDeclarator(sx))] ;)\n"
            + "Declaration(DeclarationSpecifiers(int __seg_fs) [InitDeclarator(PointerDeclarator(* IdentifierDeclarator(sp)))] ;)"
        },
        {
            "_Atomic int a; _Atomic(long) b; int * _Atomic c;",
            "Declaration(DeclarationSpecifiers(_Atomic int) [InitDeclarator(IdentifierDeclarator(a))] ;)\n"
            + "Declaration(DeclarationSpecifiers(AtomicTypeSpecifier(_Atomic ( TypeName(DeclarationSpecifiers(long)) ))) [InitDeclarator(IdentifierDeclarator(b))] ;)\n"
            + "Declaration(DeclarationSpecifiers(int) [InitDeclarator(PointerDeclarator(* [_Atomic] IdentifierDeclarator(c)))] ;)"
        },
        {
            "_Noreturn void die(void); extern __inline __const int g(char *__restrict s);",
            "Declaration(DeclarationSpecifiers(_Noreturn void) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(die) ( [ParameterDeclaration(DeclarationSpecifiers(void))] )))] ;)\n"
            + "Declaration(DeclarationSpecifiers(extern __inline __const int) [InitDeclarator(FunctionDeclarator(IdentifierDeclarator(g) ( [ParameterDeclaration(DeclarationSpecifiers(char) PointerDeclarator(* [__restrict] IdentifierDeclarator(s)))] )))] ;)"
        },
        {
            "volatile __volatile__ int vv; _Float128 q; __float128 r; _Float64x s;",
            "Declaration(DeclarationSpecifiers(volatile __volatile__ int) [InitDeclarator(IdentifierDeclarator(vv))] ;)\n"
            + "Declaration(DeclarationSpecifiers(_Float128) [InitDeclarator(IdentifierDeclarator(q))] ;)\n"
            + "Declaration(DeclarationSpecifiers(__float128) [InitDeclarator(IdentifierDeclarator(r))] ;)\n"
            + "Declaration(DeclarationSpecifiers(_Float64x) [InitDeclarator(IdentifierDeclarator(s))] ;)"
        },
        {
            // gcc's predefined typedef names.
            "typedef __builtin_va_list va_list; __int128_t i; __uint128_t u;",
            "Declaration(DeclarationSpecifiers(typedef __builtin_va_list) [InitDeclarator(IdentifierDeclarator(va_list))] ;)\n"
            + "Declaration(DeclarationSpecifiers(__int128_t) [InitDeclarator(IdentifierDeclarator(i))] ;)\n"
            + "Declaration(DeclarationSpecifiers(__uint128_t) [InitDeclarator(IdentifierDeclarator(u))] ;)"
        },
        {
            "#pragma pack(push, 1)\nstruct pk { char c; int i; };\n#pragma pack(pop)\n",
            "PreprocessorLine(# pragma pack ( push , 1 ))\n"
            + "Declaration(DeclarationSpecifiers(StructSpecifier(struct pk { [MemberDeclaration(DeclarationSpecifiers(char) [MemberDeclarator(IdentifierDeclarator(c))] ;) "
            + "MemberDeclaration(DeclarationSpecifiers(int) [MemberDeclarator(IdentifierDeclarator(i))] ;)] })) ;)\n"
            + "PreprocessorLine(# pragma pack ( pop ))"
        },
        {
            "asm(\".globl sym\");",
            "FileScopeAsm(asm ( StringLiteralExpression(\".globl sym\") ) ;)"
        },
        {
            "extern __inline __attribute__((__gnu_inline__)) int gi(void) { return 1; }",
            "FunctionDefinition(DeclarationSpecifiers(extern __inline AttributeSpecifier(__attribute__ ( ( [Attribute(__gnu_inline__)] ) )) int) "
            + "FunctionDeclarator(IdentifierDeclarator(gi) ( [ParameterDeclaration(DeclarationSpecifiers(void))] )) UnparsedBlock({ [return 1 ;] }))"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extensions_parse_to_the_expected_tree(string code, string expected) =>
        Assert.Equal(expected, ParseTestHelper.Declarations(code));
}
