using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Members (C11 6.7.2.1): anonymous members, bit-fields, members that declare nothing, flexible arrays.</summary>
public sealed class MemberTests
{
    private static RecordDefinition Record(string text, string tag) =>
        Bound.Clean(text).Types.Records[new RecordId(AggregateKind.Struct, tag)];

    [Fact]
    public void Anonymous_members_are_unnamed_fields_of_untagged_records()
    {
        var s = Record("struct s { int a; union { char b; long c; }; struct { int d; }; };", "s");
        Assert.Equal(["a", null, null], s.Fields.Select(f => f.Name));
        Assert.True(s.Fields[1].IsAnonymousMember);
        Assert.IsType<RecordType>(s.Fields[1].Type);
    }

    [Fact]
    public void Declarations_that_declare_nothing_are_dropped_as_gcc_drops_them()
    {
        var unit = Bound.Unit("struct t { int x; }; struct s { int; struct t; char c; };");
        var s = unit.Types.Records[new RecordId(AggregateKind.Struct, "s")];
        Assert.Equal(["c"], s.Fields.Select(f => f.Name));
        Assert.Equal(2, unit.Diagnostics.Count(d => d.Message == "declaration does not declare anything"));
        Assert.False(unit.HasErrors);
    }

    [Fact]
    public void Bit_fields_keep_their_evaluated_width()
    {
        var s = Record("enum { W = 3 }; struct s { int a : W * 2; unsigned : 0; char b : sizeof(short); long c : 40; };", "s");
        Assert.Equal([6L, 0L, 2L, 40L], s.Fields.Select(f => f.BitWidth!.Value));
        Assert.Null(s.Fields[1].Name);
    }

    [Fact]
    public void Flexible_and_zero_length_arrays()
    {
        var s = Record("struct s { int n; char z[0]; long data[]; };", "s");
        Assert.Equal(new ArrayType(ScalarType.Char, 0), s.Fields[1].Type);
        Assert.Equal(new ArrayType(ScalarType.Long, null), s.Fields[2].Type);
    }

    [Fact]
    public void Static_assertions_are_checked_in_bodies_and_at_file_scope()
    {
        const string text = "struct s { int a; _Static_assert(sizeof(int) == 8, \"int is 8\"); };\n_Static_assert(1, \"ok\");";
        Assert.False(GccSyntax.Check(text).Accepted);
        var error = Assert.Single(Bound.Unit(text).Errors);
        Assert.Equal("static assertion failed: \"int is 8\"", error.Message);
    }
}
