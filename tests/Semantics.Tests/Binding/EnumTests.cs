using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Enumerations (C11 6.7.2.2, gcc's build_enumerator / finish_enum).</summary>
public sealed class EnumTests
{
    [Fact]
    public void Implicit_values_count_on_from_the_previous()
    {
        var unit = Bound.Clean("enum e { A, B, C = 10, D, E = C * 2 + 'a', F = -5, G };");
        long[] expected = [0, 1, 10, 11, 117, -5, -4];
        Assert.Equal(expected, unit.Types.Enums[new EnumId("e")].Enumerators.Select(x => (long)x.Value));
    }

    [Fact]
    public void Constants_that_fit_int_are_int_others_have_the_enum_type()
    {
        var unit = Bound.Clean("enum big { SMALL = 1, LARGE = 0x100000000 }; enum e2 { NEG = -1 };");
        Assert.Equal(ScalarType.Int, unit.EnumConstants["SMALL"].Type);
        Assert.Equal(new EnumType(new EnumId("big")), unit.EnumConstants["LARGE"].Type);
        Assert.Equal(ScalarType.Int, unit.EnumConstants["NEG"].Type);
    }

    [Theory]
    [InlineData("enum o { A = 0x7fffffff, B };")]
    [InlineData("enum o { A = 0xffffffff, B };")]
    [InlineData("enum o { A = 0xffffffffffffffffUL, B };")]
    public void An_implicit_value_that_overflows_is_an_error_as_in_gcc(string text)
    {
        Assert.False(GccSyntax.Check(text).Accepted);
        Assert.Equal("overflow in enumeration values", Assert.Single(Bound.Unit(text).Errors).Message);
    }

    [Fact]
    public void An_implicit_value_after_a_wide_constant_does_not_overflow()
    {
        const string text = "enum w { A = 0x100000000, B };";
        Assert.True(GccSyntax.Check(text).Accepted);
        Assert.Equal(0x100000001, (long)Bound.Clean(text).EnumConstants["B"].Value);
    }

    [Fact]
    public void Forward_declared_enums_complete_later()
    {
        var unit = Bound.Clean("enum e; enum e *p; enum e { X = 3 }; int a[X];");
        Assert.Equal(new ArrayType(ScalarType.Int, 3), unit.Globals["a"].Type);
        Assert.Equal(new PointerType(new EnumType(new EnumId("e"))), unit.Globals["p"].Type);
    }

    [Fact]
    public void A_constant_declared_twice_is_an_error()
    {
        const string text = "enum a { X };\nenum b { X };";
        Assert.False(GccSyntax.Check(text).Accepted);
        Assert.Equal("redefinition of 'X'", Assert.Single(Bound.Unit(text).Errors).Message);
    }
}
