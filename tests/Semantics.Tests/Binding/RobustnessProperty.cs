using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Nothing throws past the binder: random soups of C tokens bind to diagnostics, never to an exception.</summary>
public sealed class RobustnessProperty
{
    private static readonly string[] Pieces =
    [
        "struct", "union", "enum", "typedef", "int", "char", "long", "unsigned", "const", "s", "t", "x", "y", "{", "}", "(", ")", "[", "]",
        ";", ",", "*", ":", "=", "1", "0", "-1", "0x7fffffffffffffff", "sizeof", "_Alignof", "typeof", "__attribute__((packed))",
        "__attribute__((aligned(8)))", "__attribute__((mode(QI)))", "__attribute__((vector_size(3)))", "__builtin_offsetof(struct s, x)",
        "__builtin_types_compatible_p(int, t)", "__builtin_choose_expr", "?", "<<", "/", "%", "&", "...", "#pragma pack(2)\n",
        "_Static_assert(0, \"no\");", "__auto_type", "void", "_Alignas(3)", "enum e { A = 1 / 0 };", "'ab'", "\"str\"",
    ];

    [Fact]
    public void Random_token_soups_never_throw()
    {
        var soups = Gen.ArrayOf(Gen.Elements(Pieces)).Select(parts => string.Join(" ", parts));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(Arb.From(soups), text =>
        {
            var tree = CParser.ParseText(new SourceText(text, "soup.c"));
            var unit = Binder.Bind(CSyntax.Root(tree)!, definitions => new AbiLayout(definitions));
            Assert.NotNull(unit.Types);
        }));
    }
}
