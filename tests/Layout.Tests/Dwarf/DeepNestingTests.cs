using System.Text;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Dwarf;

/// <summary>
/// Deep but valid C reads (far beyond C11 5.2.4.1's 63 nested structs and 12
/// declarators); past the reader's limit it fails with its own exception,
/// never a stack overflow, even on a test runner's thread-pool stack.
/// </summary>
public sealed class DeepNestingTests
{
    private static string Pointers(int depth) => $"typedef int {new string('*', depth)}deep_t; deep_t d;";

    private static string NestedAnonymous(int depth)
    {
        var text = new StringBuilder("struct outer { ");
        for (var i = 0; i < depth; i++) text.Append("struct { int a").Append(i).Append("; ");
        text.Append("int leaf; ");
        for (var i = depth - 1; i >= 0; i--) text.Append("} n").Append(i).Append("; ");
        return text.Append("} o;").ToString();
    }

    [Fact]
    public void Long_pointer_chains_read()
    {
        TypeRef t = DwarfCompiler.Layouts(Pointers(300), DwarfFlags.Dwarf5).Typedefs["deep_t"].Target;
        var depth = 0;
        while (t is PointerTypeRef p)
        {
            t = p.Target;
            depth++;
        }
        Assert.Equal(300, depth);
        Assert.Equal(new BaseTypeRef("int"), t);
    }

    [Fact]
    public void Deeply_nested_anonymous_structs_read()
    {
        var set = DwarfCompiler.Layouts(NestedAnonymous(100), DwarfFlags.Dwarf5);
        Assert.Equal(101, set.Records.Count);
        Assert.Equal(100, set.Records.Values.Count(r => r.IsAnonymous));
    }

    [Fact]
    public void Chains_past_the_limit_fail_cleanly()
    {
        var e = Assert.Throws<DwarfFormatException>(() => DwarfCompiler.Layouts(Pointers(3000), DwarfFlags.Dwarf5));
        Assert.Contains("nest deeper", e.Message);
        Assert.Equal(".debug_info", e.Section);
    }
}
