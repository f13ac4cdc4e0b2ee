using LayoutExpert.Semantics.Trimming;
using LayoutExpert.Syntax.Parsing;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Tests.Trimming;

public sealed class TrimmerTests
{
    [Fact]
    public void Items_are_classified_by_what_they_declare()
    {
        var tree = CParser.ParseText(new SourceText("""
            typedef int t;
            struct s { int a; };
            struct fwd;
            extern struct s g, *h;
            int f(void), k(int);
            int obj, fn(void);
            struct r { int x; } make(void);
            static int body(void) { return 0; }
            _Static_assert(1, "x");
            #pragma pack(1)
            __asm__("nop");
            ;
            """, "t.c"));
        var trimmed = Trimmer.Trim(CSyntax.Root(tree)!);
        Assert.Equal(
            [TrimmedKind.TypeDeclaration, TrimmedKind.TypeDeclaration, TrimmedKind.TypeDeclaration, TrimmedKind.ObjectDeclaration,
             TrimmedKind.FunctionDeclaration, TrimmedKind.ObjectDeclaration, TrimmedKind.TypeDeclaration, TrimmedKind.FunctionDefinition,
             TrimmedKind.StaticAssert, TrimmedKind.Pragma],
            trimmed.Items.Select(i => i.Kind));
        Assert.Equal(2, trimmed.Dropped);
    }
}
