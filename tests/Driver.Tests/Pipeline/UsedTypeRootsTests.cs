using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>
/// gcc 12's rule for the types it keeps because the unit used them (enum
/// constants named, casts), case by case: each source is compiled by the real
/// gcc as kbuild does (-O2 -g), the test asserts what gcc's DWARF keeps and
/// drops, and that our selection (the defined objects' types plus
/// <see cref="UsedTypeRoots"/>) names exactly the structs, unions, enums and
/// typedefs gcc's DWARF holds.
/// </summary>
public class UsedTypeRootsTests
{
    public static TheoryData<string, string, string[], string[]> Cases => new()
    {
        {
            "a constant in another enum's value is used at file scope; the next object definition takes it",
            "enum a { A0, A1 }; enum b { B0 = A1 + 1 }; int v;",
            ["a"], ["b"]
        },
        {
            "a constant named in its own enum's body has an integer type there (finish_enum not reached)",
            "enum a { A0, A1 = A0 + 1 }; int v;",
            [], ["a"]
        },
        {
            "an unreferenced static definition takes the uses and is dropped, so they are lost",
            "enum a { A0, A1 }; enum b { B0 = A1 }; static int s; enum c { C0, C1 }; enum d { D0 = C1 }; int v;",
            ["c"], ["a", "b", "d"]
        },
        {
            "extern declarations, typedefs and prototypes take nothing: the uses wait for the next definition",
            "enum a { A0, A1 }; extern int x[A1]; enum c { C0, C1 }; typedef char t[C1]; enum e { E0, E1 }; void f(int p[E1]); int v;",
            ["a", "c", "e"], ["t"]
        },
        {
            "uses after the last definition go nowhere",
            "int v; enum a { A0, A1 }; extern int x[A1];",
            [], ["a"]
        },
        {
            "a static definition that a kept initializer refers to is kept; one named only in sizeof, or by a dropped static, is not",
            "enum a { A0, A1 }; extern int xa[A1]; static int sa;"
                + " enum b { B0, B1 }; extern int xb[B1]; static int sb[2];"
                + " enum c { C0, C1 }; extern int xc[C1]; static int sc; static int *pc = &sc;"
                + " int *keep = &sa; int size = sizeof sb;",
            ["a"], ["b", "c"]
        },
        {
            "the used attribute keeps a static definition; register and initialized extern definitions are kept",
            "enum a { A0, A1 }; extern int xa[A1]; static int sa __attribute__((used));"
                + " enum b { B0, B1 }; extern int xb[B1]; register unsigned long sp asm(\"rsp\");"
                + " enum c { C0, C1 }; extern int xc[C1]; extern int ic = 1;",
            ["a", "b", "c"], []
        },
        {
            "a function body's uses go with the function: lost for an unused static inline, kept for one a kept object points to",
            "enum a { A0, A1 }; static inline int fa(void) { return A1; }"
                + " enum b { B0, B1 }; static int fb(void) { return B1; } int (*keep)(void) = fb;",
            ["b"], ["a"]
        },
        {
            "a function definition's declarator is parsed at file scope",
            "enum a { A0, A1 }; static inline int f(int p[A1]) { return p[0]; } int v;",
            ["a"], []
        },
        {
            "casts and compound literals use the type their specifiers name; sizeof, offsetof and __builtin_types_compatible_p use none",
            "struct s1 { int a; }; struct s2 { int a; }; typedef unsigned short u16t; struct s3 { int a, b; }; struct s4 { int a; };"
                + " extern int x[sizeof((struct s1 *)0) + (u16t)1 + sizeof((struct s2){1})"
                + " + sizeof(struct s4) + __builtin_offsetof(struct s3, b) + __builtin_types_compatible_p(struct s4, int)]; int v;",
            ["s1", "s2", "u16t"], ["s3", "s4"]
        },
        {
            "_Static_assert, typeof, attribute arguments and unevaluated operands all name constants",
            "enum a { A0, A1 }; _Static_assert(A1 == 1, \"\"); enum b { B0, B1 }; extern __typeof__(B1) xb;"
                + " enum c { C0, C1 }; struct sc { int m __attribute__((aligned(1 << C1))); };"
                + " enum d { D0, D1 }; extern int xd[0 && D1 ? 1 : 2]; int v;",
            ["a", "b", "c", "d"], ["sc"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Selection_equals_gccs_DWARF(string rule, string source, string[] kept, string[] dropped)
    {
        var gcc = Names(DwarfReader.ReadLayouts(Gcc.CompileObject(source, "-g", "-O2")));
        foreach (var name in kept) Assert.True(gcc.Contains(name), $"{rule}: gcc keeps {name}");
        foreach (var name in dropped) Assert.False(gcc.Contains(name), $"{rule}: gcc drops {name}");
        Assert.Equal(gcc, Names(Ours(source)));
    }

    private static LayoutSet Ours(string source)
    {
        var tree = CParser.ParseText(new SourceText(source, "unit.c"));
        Assert.DoesNotContain(tree.GetDiagnostics(), d => d.IsError);
        LayoutEngine? engine = null;
        var bound = Binder.Bind(CSyntax.Root(tree)!, definitions => engine = new LayoutEngine(X86_64SysV.Instance, definitions));
        Assert.False(bound.HasErrors, string.Join('\n', bound.Errors));
        var globals = bound.Globals.Values.Where(g => g.IsDefined).Select(g => KeyValuePair.Create(g.Name, g.Type)).ToList();
        var (all, _, names) = LayoutSetBuilder.Build(engine!, bound.Types, globals);
        return ReachableTypes.From(all.Set, bound.Types, names, globals.Select(g => g.Value).Concat(UsedTypeRoots.From(bound)));
    }

    private static SortedSet<string> Names(LayoutSet set) =>
        new(set.Records.Keys.Concat(set.Enums.Keys).Concat(set.Typedefs.Keys), StringComparer.Ordinal);
}
