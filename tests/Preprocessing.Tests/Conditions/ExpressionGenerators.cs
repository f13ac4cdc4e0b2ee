using FsCheck;
using FsCheck.Fluent;

namespace LayoutExpert.Preprocessing.Tests.Conditions;

/// <summary>Random #if expressions: well-formed ones (any infix printing of an expression tree) and token soup.</summary>
internal static class ExpressionGenerators
{
    private static readonly string[] Suffixes = ["", "", "", "u", "U", "l", "L", "ll", "LL", "ul", "lu", "ULL", "llu", "LLu", "uLL", "Ul"];

    private static readonly string[] Characters =
    [
        "'a'", "'0'", "'\\n'", "'\\t'", "'\\0'", "'\\x41'", "'\\xff'", "'\\377'", "'\\200'", "'\\177'", "'ab'", "'abcd'", "'abcde'",
        "'\\e'", "'\\''", "'\"'", "'\\\\'", "'\\?'", "'\\q'", "'\\x100'", "'\\400'", "L'a'", "L'\\xffff'", "L'ab'", "L'\\x10000'", "u'\\x1234'",
        "u'\\xffff'", "U'\\xffffffff'", "U'a'", "'\\u00e9'", "L'\\u00e9'", "U'\\U0001F600'", "u'\\U0001F600'", "'é'", "L'é'", "'\\a'", "'\\v'",
    ];

    private static readonly string[] Identifiers = ["foo", "bar", "true", "false", "x"];

    private static readonly string[] Unary = ["-", "+", "~", "!"];

    private static readonly string[] Binary =
        ["*", "/", "%", "+", "-", "<<", ">>", "<", ">", "<=", ">=", "==", "!=", "&", "^", "|", "&&", "||"];

    private static Gen<ulong> Magnitudes => Gen.Frequency(
        (6, Gen.Choose(0, 20).Select(i => (ulong)i)),
        (2, Gen.Choose(0, 70).Select(i => (ulong)i)),
        (2, Gen.Elements(0x7fffffffffffffffUL, 0x8000000000000000UL, 0xffffffffffffffffUL, 0xffffffffUL, 0x80000000UL, 1UL << 62, 255UL, 256UL, 65535UL)),
        (2, Gen.Two(Gen.Choose(int.MinValue, int.MaxValue)).Select(p => ((ulong)(uint)p.Item1 << 32) | (uint)p.Item2)));

    private static Gen<string> Numbers => Gen.Frequency(
        (6, Magnitudes.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Magnitudes.Select(v => "0x" + v.ToString("x", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Magnitudes.Select(v => "0X" + v.ToString("X", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Magnitudes.Select(v => v == 0 ? "0" : "0" + Convert.ToString((long)v, 8))),
        (1, Magnitudes.Select(v => "0b" + Convert.ToString((long)v, 2))),
        (1, Gen.Elements("18446744073709551616", "99999999999999999999999", "0x10000000000000000", "9223372036854775808", "00", "0")))
        .SelectMany(n => Gen.Elements(Suffixes).Select(s => n + s));

    private static Gen<string> Leaves => Gen.Frequency(
        (8, Numbers),
        (2, Gen.Elements(Characters)),
        (1, Gen.Elements(Identifiers)));

    /// <summary>A well-formed expression; tokens separated by spaces so that no two fuse.</summary>
    public static Gen<string> WellFormed => Gen.Sized(size => Expression(Math.Min(5, 1 + size / 20)));

    private static Gen<string> Expression(int depth)
    {
        if (depth <= 0) return Leaves;
        var sub = Expression(depth - 1);
        var node = Gen.Frequency(
            (2, Leaves),
            (2, Gen.Elements(Unary).SelectMany(op => sub.Select(e => $"{op} {e}"))),
            (6, sub.SelectMany(l => Gen.Elements(Binary).SelectMany(op => sub.Select(r => $"{l} {op} {r}")))),
            (2, Gen.Three(sub).Select(t => $"{t.Item1} ? {t.Item2} : {t.Item3}")),
            (1, Gen.Two(sub).Select(t => $"{t.Item1} , {t.Item2}")));
        return Gen.Frequency((1, node), (1, node.Select(e => $"( {e} )")));
    }

    private static readonly string[] SoupVocabulary =
    [
        "1", "0", "2", "-1", "0x10", "0b101", "08", "0b2", "0x", "1.0", "1e", "1e5", "0x1p3", "0x1.", "1i", "1k", "1uu", "1lL", "1LLL", "12ab",
        "'a'", "'ab'", "''", "L''", "'\\x'", "\"s\"", "foo", "true", "+", "-", "*", "/", "%", "<<", ">>", "<", ">", "<=", ">=", "==", "!=",
        "&", "^", "|", "&&", "||", "!", "~", "?", ":", ",", "(", "(", ")", ")", "=", "+=", "[", "]", "{", ";", ".", "->", "++", "--",
        "...", "#", "##", "`", "@", "1/0", "1%0", "'x", "'\\'",
    ];

    /// <summary>Anything at all: up to 12 tokens from a vocabulary of values, operators, punctuators and broken constants.</summary>
    public static Gen<string> Soup =>
        Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements(SoupVocabulary), n)).Select(ts => string.Join(' ', ts));
}
