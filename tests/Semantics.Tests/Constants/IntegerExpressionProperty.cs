using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Semantics.Tests.Constants;

/// <summary>
/// The constant evaluator against gcc: random integer constant expressions
/// (<see cref="IntegerExpressions"/>), each one's type and 128-bit value as
/// gcc folds it (a compiled program prints the type's _Generic name and the
/// value's two 64-bit halves) and as we evaluate it (the type of
/// <c>__auto_type</c>, the value through two enumerators). One gcc run checks
/// a batch; a mismatch prints the expression.
/// </summary>
public sealed class IntegerExpressionProperty
{
    private const int PerBatch = 300;

    private const string TypeName = """
        #define T(x) _Generic((x), _Bool: "_Bool", char: "char", signed char: "signed char", unsigned char: "unsigned char", \
          short: "short", unsigned short: "unsigned short", int: "int", unsigned int: "unsigned int", long: "long", \
          unsigned long: "unsigned long", long long: "long long", unsigned long long: "unsigned long long", \
          __int128: "__int128", unsigned __int128: "unsigned __int128", default: "?")
        """;

    [Fact]
    public void Evaluator_agrees_with_gcc_on_random_integer_expressions()
    {
        var seeds = Arb.From(Gen.Choose(0, int.MaxValue));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3), Prop.ForAll(seeds, seed =>
        {
            var generator = new IntegerExpressions(new Random(seed));
            var expressions = Enumerable.Range(0, PerBatch).Select(_ => generator.Next()).ToList();
            var mismatches = Compare(expressions);
            if (mismatches.Count > 0) throw new Xunit.Sdk.XunitException($"seed {seed}:\n" + string.Join("\n", mismatches.Take(10)));
        }));
    }

    /// <summary>Expressions found by the property, kept as plain cases.</summary>
    [Theory]
    [InlineData("(-1 < 0u)")]
    [InlineData("((unsigned char)-1 + 1)")]
    [InlineData("(18446744073709551615 + 0)")]
    [InlineData("((__int128)1 << 100 >> 99)")]
    [InlineData("(0x80000000 >> 31)")]
    [InlineData("(-2147483647 - 1) / -1")]
    [InlineData("('\\377' + (unsigned char)'\\377')")]
    [InlineData("(1 ? (short)1 : 2u)")]
    [InlineData("~(unsigned short)0")]
    [InlineData("((long)-5 % 3) + (-5 / 3)")]
    public void Evaluator_agrees_with_gcc_on(string expression) =>
        Assert.Empty(Compare([expression]));

    private static List<string> Compare(IReadOnlyList<string> expressions)
    {
        var gcc = Gcc.CompileAndRun(Program(expressions), "-std=gnu11", "-w", "-O0").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var ours = Ours(expressions);
        var mismatches = new List<string>();
        for (var i = 0; i < expressions.Count; i++)
        {
            if (gcc[i] != ours[i]) mismatches.Add($"{expressions[i]}\n  gcc:  {gcc[i]}\n  ours: {ours[i]}");
        }
        return mismatches;
    }

    private static string Program(IReadOnlyList<string> expressions)
    {
        var text = new StringBuilder("#include <stdio.h>\n").Append(TypeName).Append("\nint main(void)\n{\n");
        foreach (var e in expressions)
        {
            text.Append($"  printf(\"%s %lld %lld\\n\", T({e}), (long long)({e}), (long long)((unsigned __int128)({e}) >> 64));\n");
        }
        return text.Append("  return 0;\n}\n").ToString();
    }

    private static List<string> Ours(IReadOnlyList<string> expressions)
    {
        var text = new StringBuilder();
        for (var i = 0; i < expressions.Count; i++)
        {
            var e = expressions[i];
            text.Append($"enum {{ LO{i} = (long long)({e}), HI{i} = (long long)((unsigned __int128)({e}) >> 64) }};\n__auto_type t{i} = ({e});\n");
        }
        var unit = Bound.Clean(text.ToString());
        return [.. expressions.Select((_, i) => string.Create(CultureInfo.InvariantCulture,
            $"{unit.Globals["t" + i].Type.Spelling} {unit.EnumConstants["LO" + i].Value} {unit.EnumConstants["HI" + i].Value}"))];
    }
}
