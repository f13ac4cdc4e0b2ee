namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>Macro expansion compared token for token with the real gcc on the same text.</summary>
public class MacroExpansionTests
{
    private static void SameAsGcc(string text) =>
        Assert.Equal(SnippetPreprocessor.GccTokens(text), SnippetPreprocessor.OurTokens(text));

    [Fact]
    public void C11_example_3_redefinition_and_rescanning() => SameAsGcc("""
        #define x 3
        #define f(a) f(x * (a))
        #undef x
        #define x 2
        #define g f
        #define z z[0]
        #define h g(~
        #define m(a) a(w)
        #define w 0,1
        #define t(a) a
        #define p() int
        #define q(x) x
        #define r(x,y) x ## y
        #define str(x) # x
        f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);
        g(x+(3,4)-w) | h 5) & m
        (f)^m(m);
        p() i[q()] = { q(1), r(2,3), r(4,), r(,5), r(,) };
        char c[2][6] = { str(hello), str() };
        """);

    [Fact]
    public void C11_example_4_stringizing_and_pasting() => SameAsGcc("""
        #define str(s) # s
        #define xstr(s) str(s)
        #define debug(s, t) printf("x" # s "= %d, x" # t "= %s", \
         x ## s, x ## t)
        #define INCFILE(n) vers ## n
        #define glue(a, b) a ## b
        #define xglue(a, b) glue(a, b)
        #define HIGHLOW "hello"
        #define LOW LOW ", world"
        debug(1, 2);
        fputs(str(strncmp("abc\0d", "abc", '\4') // this goes away
         == 0) str(: @\n), s);
        xstr(INCFILE(2).h)
        glue(HIGH, LOW);
        xglue(HIGH, LOW)
        """);

    [Fact]
    public void C11_example_5_placemarkers() => SameAsGcc("""
        #define t(x,y,z) x ## y ## z
        int j[] = { t(1,2,3), t(,4,5), t(6,,7), t(8,9,),
         t(10,,), t(,11,), t(,,12), t(,,) };
        """);

    [Fact]
    public void C11_example_7_variadic() => SameAsGcc("""
        #define debug(...) fprintf(stderr, __VA_ARGS__)
        #define showlist(...) puts(#__VA_ARGS__)
        #define report(test, ...) ((test)?puts(#test):\
         printf(__VA_ARGS__))
        debug("Flag");
        debug("X = %d\n", x);
        showlist(The first, second, and third items.);
        report(x>y, "x is %d but y is %d", x, y);
        """);

    [Fact]
    public void Gnu_comma_paste_and_named_variadics() => SameAsGcc("""
        #define e(fmt, ...) f(fmt, ##__VA_ARGS__)
        #define n(fmt, args...) g(fmt, ## args)
        #define o(a, ...) h(a __VA_OPT__(,) __VA_ARGS__)
        e("a"); e("b", 1, 2); n("c"); n("d", 3); o(1); o(2, 3);
        """);

    [Fact]
    public void Rescanning_corner_cases_match_gcc() => SameAsGcc("""
        #define f(x) x g
        #define g f
        f(1)(2)(3)
        #define AA BB
        #define BB AA
        AA BB
        #define obj(x) [x]
        #define id(x) x
        id(obj)(1) id(id)(obj(2))
        #define LPAREN (
        #define call(m) m LPAREN 7)
        call(id)
        #define EMPTY
        #define DEFER(x) x EMPTY
        DEFER(id)(8)
        """);

    [Fact]
    public void Macro_call_arguments_may_span_lines() => SameAsGcc("""
        #define add(a, b) ((a) + (b))
        int v = add(1,
                    2) + add
        (3, 4);
        """);

    [Fact]
    public void Kernel_style_helpers_match_gcc() => SameAsGcc("""
        #define ___PASTE(a,b) a##b
        #define __PASTE(a,b) ___PASTE(a,b)
        #define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
        #define __stringify_1(x...) #x
        #define __stringify(x...) __stringify_1(x)
        #define __is_defined(x) ___is_defined(x)
        #define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
        #define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
        #define __take_second_arg(__ignored, val, ...) val
        #define __ARG_PLACEHOLDER_1 0,
        #define CONFIG_A 1
        int u1 = __UNIQUE_ID(x), u2 = __UNIQUE_ID(y);
        const char *s = __stringify(a, b  c);
        int d1 = __is_defined(CONFIG_A), d2 = __is_defined(CONFIG_B);
        """);

    [Fact]
    public void Pragma_operator_becomes_a_pragma_line() => SameAsGcc("""
        #define DO_PRAGMA(x) _Pragma(#x)
        #define diag(x) DO_PRAGMA(GCC diagnostic x)
        int a; diag(push) int b;
        #pragma pack(1)
        int c;
        """);

    [Fact]
    public void Invalid_paste_and_bad_calls_are_diagnosed_not_thrown()
    {
        var result = SnippetPreprocessor.Ours("#define p(a,b) a##b\n#define two(a,b) a b\np(+,-) two(1) two(1,2,3) two(1,\n");
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2404");
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2402");
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2403");
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2401");
        Assert.All(result.Diagnostics, d => Assert.NotNull(d.Location));
    }

    [Fact]
    public void Self_referential_macros_terminate()
    {
        var text = "#define a a b\n#define b a\na b\n" + string.Concat(Enumerable.Range(0, 2000).Select(i => $"#define m{i} m{i + 1}\n")) + "m0\n";
        Assert.Equal(SnippetPreprocessor.GccTokens(text), SnippetPreprocessor.OurTokens(text));
    }

    [Fact]
    public void Deeply_nested_arguments_are_bounded_with_a_diagnostic()
    {
        var text = "#define f(x) x\n" + string.Concat(Enumerable.Repeat("f(", 5000)) + "1" + new string(')', 5000) + "\n";
        var result = SnippetPreprocessor.Ours(text);
        Assert.Contains(result.Diagnostics, d => d.Code == "LE2405");
    }
}
