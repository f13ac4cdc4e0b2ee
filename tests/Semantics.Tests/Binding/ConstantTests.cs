namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Constant-expression rules that are not plain integer arithmetic: null pointer constants, the GNU built-ins, _Generic.</summary>
public sealed class ConstantTests
{
    private static long Value(string expression, string declarations = "")
    {
        var unit = Bound.Clean(declarations + "\nenum { RESULT = (" + expression + ") };");
        return (long)unit.EnumConstants["RESULT"].Value;
    }

    /// <summary>The kernel's __is_constexpr: a conditional with a null pointer constant takes the other pointer's type (C11 6.5.15p6).</summary>
    [Theory]
    [InlineData("5", 1)]
    [InlineData("sizeof(long) * 3", 1)]
    [InlineData("variable", 0)]
    [InlineData("(long)&variable", 0)]
    public void Null_pointer_constants_decide_is_constexpr(string argument, long expected)
    {
        const string declarations = "int variable;";
        var expression = $"sizeof(int) == sizeof(*(8 ? ((void *)((long)({argument}) * 0l)) : (int *)8))";
        Assert.True(GccSyntax.Check(declarations + $"\nchar check[({expression}) == {expected} ? 1 : -1];").Accepted);
        Assert.Equal(expected, Value(expression, declarations));
    }

    [Theory]
    [InlineData("__builtin_constant_p(3)", 1)]
    [InlineData("__builtin_constant_p(variable)", 0)]
    [InlineData("__builtin_choose_expr(1, 4, variable)", 4)]
    [InlineData("__builtin_types_compatible_p(int, signed)", 1)]
    [InlineData("__builtin_types_compatible_p(int, long)", 0)]
    [InlineData("__builtin_types_compatible_p(const int, int)", 1)]
    [InlineData("__builtin_types_compatible_p(int *, const int *)", 0)]
    [InlineData("__builtin_types_compatible_p(int[3], int[])", 1)]
    [InlineData("__builtin_types_compatible_p(typeof(table), typeof(&table[0]))", 0)]
    [InlineData("_Generic(1L, int: 1, long: 2, default: 3)", 2)]
    [InlineData("_Generic(table, int *: 7, default: 8)", 7)]
    [InlineData("__builtin_clzll(1) + __builtin_popcount(255)", 71)]
    public void Gnu_builtins_fold_as_gcc_folds_them(string expression, long expected)
    {
        const string declarations = "int variable; int table[5];";
        Assert.True(GccSyntax.Check(declarations + $"\nchar check[({expression}) == {expected} ? 1 : -1];").Accepted);
        Assert.Equal(expected, Value(expression, declarations));
    }

    [Fact]
    public void Errors_in_constant_expressions_are_diagnostics_not_exceptions()
    {
        string[] broken = ["int a[1 / 0];", "int b[undeclared];", "int c[sizeof(struct nope)];", "int v; int d[v];", "int e[({ 1; })];",
            "int f[1.5];", "int g[(int *)0 - (int *)0 + 1 - 1 + x];"];
        foreach (var text in broken)
        {
            Assert.False(GccSyntax.Check(text).Accepted, text);
            var unit = Bound.Unit(text);
            Assert.True(unit.HasErrors, text);
            Assert.All(unit.Errors, e => Assert.NotNull(e.Location));
        }
    }
}
