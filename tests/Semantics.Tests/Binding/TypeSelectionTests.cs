using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Tests.Binding;

/// <summary>Which types get laid out: all file-scope types, or those reachable from globals (what gcc's DWARF has without and with unused-type elimination).</summary>
public sealed class TypeSelectionTests
{
    private const string Text = """
        struct leaf { int x; };
        struct param;
        struct node { struct leaf *l; struct { int in; } anon; void (*cb)(struct param *); };
        struct param { char c; };
        struct unrelated { int y; };
        typedef struct node node_t;
        typedef int unused_t;
        enum colour { RED };
        extern node_t root;
        int plain;
        """;

    [Fact]
    public void All_is_every_file_scope_type_but_unused_builtins()
    {
        var table = TypeSelection.All(Bound.Clean(Text));
        Assert.Equal(["leaf", "node", "param", "unrelated"], table.Records.Keys.Where(k => k.Tag is not null).Select(k => k.Tag).Order());
        Assert.Single(table.Records.Keys, k => k.IsAnonymous);
        Assert.Equal(["node_t", "unused_t"], table.Typedefs.Keys.Order());
        Assert.Single(table.Enums);
    }

    [Fact]
    public void From_globals_follows_members_pointers_typedefs_and_function_parameters()
    {
        var table = TypeSelection.FromGlobals(Bound.Clean(Text));
        Assert.Equal(["leaf", "node", "param"], table.Records.Keys.Where(k => k.Tag is not null).Select(k => k.Tag).Order());
        Assert.Equal(["node_t"], table.Typedefs.Keys);
        Assert.Empty(table.Enums);
        Assert.DoesNotContain(new RecordId(AggregateKind.Struct, "__va_list_tag"), table.Records.Keys);
    }
}
