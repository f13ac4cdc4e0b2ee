using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Declarators, typedefs, typeof and global variables.</summary>
public sealed class DeclarationTests
{
    private static readonly CType Int = ScalarType.Int;

    [Fact]
    public void Declarators_nest_inside_out()
    {
        var unit = Bound.Clean("int *a[3]; int (*b)[3]; int (*c[2])(int, char *); int (*(*e)(int))[4]; char *const *volatile f; int g[2][3];");
        CType T(string name) => unit.Globals[name].Type;
        Assert.Equal(new ArrayType(new PointerType(Int), 3), T("a"));
        Assert.Equal(new PointerType(new ArrayType(Int, 3)), T("b"));
        Assert.Equal(new ArrayType(new PointerType(new FunctionType(Int, [Int, new PointerType(ScalarType.Char)])), 2), T("c"));
        Assert.Equal(new PointerType(new FunctionType(new PointerType(new ArrayType(Int, 4)), [Int])), T("e"));
        Assert.Equal(CTypes.Qualify(new PointerType(CTypes.Qualify(new PointerType(ScalarType.Char), TypeQualifiers.Const)), TypeQualifiers.Volatile), T("f"));
        Assert.Equal(new ArrayType(new ArrayType(Int, 3), 2), T("g"));
    }

    [Fact]
    public void Parameters_are_adjusted_and_void_means_none()
    {
        var unit = Bound.Clean("int f(void); int g(); int h(int a[4], int k(void), ...); int (*p)(char x[]);",
            new BinderOptions { BindFunctionSignatures = true });
        Assert.Equal(new FunctionType(Int, [], false, true), unit.Functions["f"].Type);
        Assert.Equal(new FunctionType(Int, [], false, false), unit.Functions["g"].Type);
        Assert.Equal(new FunctionType(Int, [new PointerType(Int), new PointerType(new FunctionType(Int, []))], true), unit.Functions["h"].Type);
        Assert.Equal(new PointerType(new FunctionType(Int, [new PointerType(ScalarType.Char)])), unit.Globals["p"].Type);
    }

    [Fact]
    public void Function_signatures_are_bound_only_when_asked_or_needed()
    {
        var unit = Bound.Clean("long f(int); int g(char); struct s { char x[sizeof(g(1))]; };");
        Assert.Null(unit.Functions["f"].Type);
        Assert.Equal(new FunctionType(Int, [ScalarType.Char]), unit.Functions["g"].Type);
    }

    [Fact]
    public void Typedefs_keep_their_names_and_may_be_redeclared_identically()
    {
        var unit = Bound.Clean("typedef int i32; typedef int i32; typedef i32 chain; chain x;");
        Assert.Equal(new TypedefType("chain", new TypedefType("i32", Int)), unit.Globals["x"].Type);
    }

    [Fact]
    public void Conflicting_typedefs_are_an_error()
    {
        const string text = "typedef int t;\ntypedef long t;";
        Assert.False(GccSyntax.Check(text).Accepted);
        Assert.Equal("conflicting types for 't'", Assert.Single(Bound.Unit(text).Errors).Message);
    }

    [Fact]
    public void Qualified_array_typedefs_qualify_the_elements()
    {
        var unit = Bound.Clean("typedef int arr[4]; const arr a;");
        Assert.Equal(new ArrayType(CTypes.Qualify(Int, TypeQualifiers.Const), 4), unit.Globals["a"].Type);
    }

    [Fact]
    public void Typeof_of_types_and_expressions()
    {
        var unit = Bound.Clean("""
            struct s { int a; long b[3]; unsigned f : 3; } gs;
            extern struct s *gp;
            typeof(gs.b) x1; __typeof__(gp->a) x2; typeof(*gp) x3; typeof(&gs) x4; typeof(1 + 1L) x5;
            typeof(gs.f + 0) x6; typeof(int[2]) x7; typeof(sizeof(char)) x8; typeof("ab") x9; typeof(gs.b[1]) x10;
            """);
        var s = new RecordType(new RecordId(AggregateKind.Struct, "s"));
        CType T(string name) => unit.Globals[name].Type;
        Assert.Equal(new ArrayType(ScalarType.Long, 3), T("x1"));
        Assert.Equal(Int, T("x2"));
        Assert.Equal(s, T("x3"));
        Assert.Equal(new PointerType(s), T("x4"));
        Assert.Equal(ScalarType.Long, T("x5"));
        Assert.Equal(Int, T("x6"));
        Assert.Equal(new ArrayType(Int, 2), T("x7"));
        Assert.Equal(ScalarType.UnsignedLong, T("x8"));
        Assert.Equal(new ArrayType(ScalarType.Char, 3), T("x9"));
        Assert.Equal(ScalarType.Long, T("x10"));
    }

    [Fact]
    public void Globals_take_the_composite_of_their_declarations()
    {
        var unit = Bound.Clean("extern int a[]; int a[10]; extern struct t g; char s[] = \"hello\"; int l[] = { 1, 2, [7] = 3 }; __auto_type v = (short)1; static z;");
        Assert.Equal(new ArrayType(Int, 10), unit.Globals["a"].Type);
        Assert.True(unit.Globals["a"].IsDefined);
        Assert.False(unit.Globals["g"].IsDefined);
        Assert.Equal(new ArrayType(ScalarType.Char, 6), unit.Globals["s"].Type);
        Assert.Equal(new ArrayType(Int, 8), unit.Globals["l"].Type);
        Assert.Equal(ScalarType.Short, unit.Globals["v"].Type);
        Assert.Equal(Int, unit.Globals["z"].Type);
        Assert.Equal(Linkage.Internal, unit.Globals["z"].Linkage);
        Assert.Equal(1, unit.LocationOf("g")!.Value.Line);
    }

    [Fact]
    public void Builtin_types_are_predeclared()
    {
        var unit = Bound.Clean("__builtin_va_list ap; __int128_t a; __uint128_t b; __float128 c;");
        Assert.Equal(new TypedefType("__builtin_va_list", new ArrayType(new RecordType(new RecordId(AggregateKind.Struct, "__va_list_tag")), 1)), unit.Globals["ap"].Type);
        Assert.Equal(ScalarType.Int128, unit.Globals["a"].Type);
        Assert.Equal(ScalarType.UnsignedInt128, unit.Globals["b"].Type);
        Assert.Equal(ScalarType.Float128, unit.Globals["c"].Type);
    }

    /// <summary>
    /// A cast to a typeof that defines a struct, in an array bound (gcc accepts it): the constant evaluator binds the
    /// cast's type, and the debug-use walk reads that same cast again; the struct is defined once, not twice.
    /// </summary>
    [Fact]
    public void A_typeof_cast_defining_a_struct_is_bound_once()
    {
        var unit = Bound.Clean("int a[(int)sizeof((typeof(struct { int m; }) *)0)];");
        Assert.Equal(new ArrayType(ScalarType.Int, 8), unit.Globals["a"].Type);
    }
}
