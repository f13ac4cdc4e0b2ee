using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;
using LayoutExpert.Syntax.Parsing;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>Random sequences of C tokens, keywords and unbalanced brackets: the parser never throws, loses nothing and stays fast.</summary>
public class TokenSoupPropertyTests
{
    private static readonly string[] Vocabulary =
    [
        "struct", "union", "enum", "typedef", "int", "char", "unsigned", "long", "const", "volatile", "static", "extern",
        "__attribute__", "__extension__", "typeof", "__typeof__", "sizeof", "_Alignof", "_Static_assert", "static_assert",
        "asm", "__asm__", "_Alignas", "_Atomic", "__int128", "__auto_type", "inline", "__seg_gs", "restrict",
        "__builtin_offsetof", "__builtin_va_arg", "__builtin_types_compatible_p", "__builtin_choose_expr", "_Generic", "default",
        "a", "b", "T", "x", "aligned", "packed",
        "(", ")", "[", "]", "{", "}", "(", ")", "{", "}", ";", ";", ",", ",", "*", "=", ":", ".", "...", "->", "&", "&&",
        "?", "+", "-", "<<", "!", "~", "#", "@",
        "1", "0x10UL", "\"s\"", "'c'", "/* c */", "\n",
    ];

    private static readonly Gen<string> Soup =
        Gen.Choose(0, 300).SelectMany(length => Gen.ListOf(Gen.Elements(Vocabulary), length))
            .Zip(Gen.Elements(" ", " ", "\n", ""), (tokens, separator) => string.Join(separator, tokens));

    [Fact]
    public void Token_soup_round_trips_without_throwing() => CheckSoup(CParserOptions.Default with { PredefinedTypedefNames = ["T"] });

    [Fact]
    public void Token_soup_round_trips_with_a_tiny_nesting_limit() => CheckSoup(new CParserOptions { MaxNesting = 3, PredefinedTypedefNames = ["T"] });

    private static void CheckSoup(CParserOptions options)
    {
        var watch = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var property = Prop.ForAll(Soup.ToArbitrary(), text =>
        {
            var cache = new GreenNodeCache();
            var tokens = Lexer.LexAll(text, cache);
            var started = watch.Elapsed;
            var result = CParser.ParseTranslationUnit(tokens, cache, options);
            var took = watch.Elapsed - started;
            if (took > slowest) slowest = took;
            return result.Root.ToFullString() == text && CountTokens(result.Root) == tokens.Count;
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
        // A guard against runaway (exponential) recovery on a few hundred tokens, not a speed measurement:
        // speed is measured in bench/. The margin is wide so a GC pause on a busy machine cannot trip it.
        Assert.True(slowest < TimeSpan.FromSeconds(5), $"slowest parse took {slowest}");
    }

    /// <summary>Tokens in the tree (iteratively): each input token must appear exactly once.</summary>
    private static int CountTokens(GreenNode root)
    {
        var count = 0;
        var stack = new Stack<GreenNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is GreenToken)
            {
                count++;
                continue;
            }
            for (var i = 0; i < node.SlotCount; i++)
            {
                if (node.GetSlot(i) is { } child) stack.Push(child);
            }
        }
        return count;
    }
}
