using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Tests.Conditions;

public class IfExpressionEvaluatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", 7L)]          // C11 6.5.5 binds * tighter than + (6.5.6)
    [InlineData("(1 + 2) * 3", 9L)]
    [InlineData("10 - 3 - 2", 5L)]         // left-associative
    [InlineData("1 ? 2 : 0 ? 3 : 4", 2L)]  // ?: groups to the right (6.5.15)
    [InlineData("-7 / 2", -3L)]            // 6.5.5p6: truncation toward zero
    [InlineData("-7 % 2", -1L)]
    [InlineData("0x10 | 010 | 0b1", 25L)]
    [InlineData("undefined_name + 1", 1L)] // 6.10.1p4: remaining identifiers are 0
    public void Evaluates_c11_arithmetic(string expression, long expected)
    {
        var result = ExpressionTokens.Evaluate(expression);
        Assert.False(result.IsSyntaxError);
        Assert.Equal(PPValue.Signed(expected), result.Value);
    }

    [Fact]
    public void Mixing_signed_and_unsigned_is_unsigned()
    {
        // 6.3.1.8: -1 converts to UINTMAX_MAX.
        var result = ExpressionTokens.Evaluate("-1 + 0u");
        Assert.Equal(PPValue.Unsigned(ulong.MaxValue), result.Value);
        Assert.False(ExpressionTokens.Evaluate("-1 < 0u").IsTrue);
    }

    [Fact]
    public void An_unevaluated_division_by_zero_is_not_an_error()
    {
        Assert.Empty(ExpressionTokens.Evaluate("0 && 1 / 0").Diagnostics);
        Assert.Empty(ExpressionTokens.Evaluate("1 || 1 % 0").Diagnostics);
        Assert.Empty(ExpressionTokens.Evaluate("1 ? 2 : 1 / 0").Diagnostics);
        var evaluated = ExpressionTokens.Evaluate("1 / 0");
        Assert.Equal("LE2211", Assert.Single(evaluated.Diagnostics).Descriptor.Code);
        Assert.False(evaluated.IsSyntaxError);
    }

    [Fact]
    public void Diagnostics_point_at_the_token_they_are_about_or_at_the_end()
    {
        var tokens = ExpressionTokens.Lex("1 + foo / 0");
        var result = IfExpressionEvaluator.Evaluate(tokens, IfExpressionOptions.Default, endOrigin: 99);
        Assert.Equal([("LE2213", 2), ("LE2211", 3)], result.Diagnostics.Select(d => (d.Descriptor.Code, d.Origin)));
        var missing = IfExpressionEvaluator.Evaluate(ExpressionTokens.Lex("(1 +"), IfExpressionOptions.Default, endOrigin: 99);
        Assert.Equal(("LE2205", 99), (missing.Diagnostics.Single().Descriptor.Code, missing.Diagnostics.Single().Origin));
    }

    [Fact]
    public void An_empty_elif_names_its_directive()
    {
        var result = IfExpressionEvaluator.Evaluate([], IfExpressionOptions.Default with { Directive = "elif" });
        Assert.True(result.IsSyntaxError);
        Assert.Equal("#elif with no expression", Assert.Single(result.Diagnostics).Message);
    }

    [Fact]
    public void Placemarkers_are_ignored_and_warnings_can_be_turned_off()
    {
        PPToken[] tokens =
        [
            new(SyntaxKind.IdentifierToken, "", PPTokenFlags.Placemarker, 0),
            new(SyntaxKind.IdentifierToken, "foo", PPTokenFlags.None, 1),
            new(SyntaxKind.PlusToken, "+", PPTokenFlags.LeadingSpace, 2),
            new(SyntaxKind.PPNumberToken, "3", PPTokenFlags.LeadingSpace, 3),
        ];
        var result = IfExpressionEvaluator.Evaluate(tokens, IfExpressionOptions.Default with { WarnUndefined = false });
        Assert.Equal(PPValue.Signed(3), result.Value);
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Deep_nesting_does_not_overflow_the_stack()
    {
        var depth = 200_000;
        var text = new string('(', depth) + "1" + new string(')', depth);
        Assert.True(ExpressionTokens.Evaluate(text).IsTrue);
        Assert.True(ExpressionTokens.Evaluate(string.Concat(Enumerable.Repeat("- ", depth)) + "1").IsTrue);
    }

    [Theory]
    [InlineData("'\uD800'")]
    [InlineData("'\\\uD800'")]
    [InlineData("L'\uDC00x'")]
    public void Lone_surrogates_in_character_constants_do_not_throw(string text)
    {
        var result = IfExpressionEvaluator.Evaluate([new PPToken(SyntaxKind.CharacterLiteralToken, text, PPTokenFlags.None, 0)]);
        Assert.False(result.IsSyntaxError);
    }

    /// <summary>Any tokens at all, of any kind with any text (even ones no lexer makes): a result, never an exception.</summary>
    [Fact]
    public void Arbitrary_tokens_never_throw()
    {
        var kinds = Enum.GetValues<SyntaxKind>();
        var texts = Gen.Frequency(
            (3, ArbMap.Default.GeneratorFor<string>()),
            (3, Gen.Elements("'", "''", "u8'", "u8'a'", "L'", "'\\", "'\\x", "'\\u12'", "0x", "0b", ".", "1e+", "0x1p-", "", "\uD800", "'\uD800'", "'\\\uD800'", "\"")));
        var tokenGen = Gen.Elements(kinds).SelectMany(kind => texts.SelectMany(text => Gen.Elements(PPTokenFlags.None, PPTokenFlags.LeadingSpace, PPTokenFlags.Placemarker)
            .Select(flags => new PPToken(kind, text!, flags, 0))));
        Prop.ForAll(Arb.From(Gen.ListOf(tokenGen)), tokens =>
        {
            var result = IfExpressionEvaluator.Evaluate(tokens);
            return !result.IsSyntaxError || result.HasErrors;
        }).QuickCheckThrowOnFailure();
    }
}
