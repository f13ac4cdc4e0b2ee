using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Target;
using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>
/// The randstruct plugin's choice of structs to shuffle
/// (scripts/gcc-plugins/randomize_layout_plugin.c: finish_type, randomize_type,
/// is_pure_ops_struct, relayout_struct). The plugin is not available to run, so
/// these check the rule as the plugin source states it; without the plugin the
/// layouts are checked against gcc, which ignores the attribute.
/// </summary>
public sealed class RandstructTests
{
    private static readonly LayoutOptions Plugin = new(RandstructPlugin: true);
    private static readonly LayoutOptions NewPlugin = new(RandstructPlugin: true, RandstructOpsStructsMayNestRecords: true);

    private static Declarations Sample(out Dictionary<string, RecordId> ids)
    {
        var d = new DeclarationBuilder();
        var fn = C.FnPtr(C.Int, C.Ptr(C.Void));
        var handler = d.Typedef("handler_t", fn);
        var made = new Dictionary<string, RecordId>
        {
            ["marked"] = d.Struct("marked", r => r.Randomize(RandomizeLayout.Randomize).Field("a", C.Int).Field("b", C.Long)).Id,
            ["marked_single"] = d.Struct("marked_single", r => r.Randomize(RandomizeLayout.Randomize).Field("a", C.Int)).Id,
            ["marked_flex_pair"] = d.Struct("marked_flex_pair", r => r.Randomize(RandomizeLayout.Randomize).Field("n", C.Int).Field("d", C.Flex(C.Char))).Id,
            ["marked_flex_three"] = d.Struct("marked_flex_three", r => r.Randomize(RandomizeLayout.Randomize).Field("n", C.Int).Field("m", C.Int).Field("d", C.Array(C.Char, 1))).Id,
            ["ops"] = d.Struct("ops", r => r.Field("open", fn).Field("close", handler).Field("more", C.Array(fn, 2))).Id,
            ["ops_opted_out"] = d.Struct("ops_opted_out", r => r.Randomize(RandomizeLayout.NoRandomize).Field("open", fn).Field("close", fn)).Id,
            ["ops_single"] = d.Struct("ops_single", r => r.Field("open", fn)).Id,
            ["ops_with_data"] = d.Struct("ops_with_data", r => r.Field("open", fn).Field("owner", C.Ptr(C.Void))).Id,
            ["ops_union"] = d.Union("ops_union", r => r.Field("open", fn).Field("close", fn)).Id,
        };
        var ops = new RecordType(made["ops"]);
        made["ops_nesting_ops"] = d.Struct("ops_nesting_ops", r => r.Field("inner", ops).Field("close", fn)).Id;
        made["ops_nesting_single"] = d.Struct("ops_nesting_single", r => r.Field("inner", new RecordType(made["ops_single"])).Field("close", fn)).Id;
        made["embeds_marked"] = d.Struct("embeds_marked", r => r.Field("c", C.Char).Field("m", new RecordType(made["marked"]))).Id;
        made["points_to_marked"] = d.Struct("points_to_marked", r => r.Field("c", C.Char).Field("m", C.Ptr(new RecordType(made["marked"])))).Id;
        ids = made;
        return d.Build();
    }

    [Theory]
    [InlineData("marked", true, true)]
    [InlineData("marked_single", false, false)]
    [InlineData("marked_flex_pair", false, false)]
    [InlineData("marked_flex_three", true, true)]
    [InlineData("ops", true, true)]
    [InlineData("ops_opted_out", false, false)]
    [InlineData("ops_single", false, false)]
    [InlineData("ops_with_data", false, false)]
    [InlineData("ops_union", false, false)]
    [InlineData("ops_nesting_ops", true, true)]
    [InlineData("ops_nesting_single", false, true)]
    [InlineData("embeds_marked", true, true)]
    [InlineData("points_to_marked", false, false)]
    public void ShuffledStructsAndStructsEmbeddingThemHaveNoLayout(string name, bool shuffledByOldPlugin, bool shuffledByNewPlugin)
    {
        var declarations = Sample(out var ids);
        foreach (var (options, shuffled) in new[] { (Plugin, shuffledByOldPlugin), (NewPlugin, shuffledByNewPlugin) })
        {
            var result = new LayoutEngine(X86_64SysV.Instance, declarations.Table, options).LayoutRecord(ids[name]);
            Assert.Equal(shuffled, !result.IsOk);
            if (shuffled) Assert.Equal(LayoutProblemKind.RandomizedLayout, result.Problem!.Kind);
        }
    }

    [Fact]
    public void WithoutThePluginEverythingIsLaidOutAsGccDoes()
    {
        var declarations = Sample(out _);
        LayoutOracle.AssertMatchesGcc(declarations);
        var set = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, declarations.Table), declarations.Table);
        Assert.Empty(set.Issues);
    }

    [Fact]
    public void TheLayoutSetReportsShuffledStructsAsIssues()
    {
        var declarations = Sample(out _);
        var set = LayoutSetBuilder.Build(new LayoutEngine(X86_64SysV.Instance, declarations.Table, Plugin), declarations.Table);
        Assert.DoesNotContain("marked", set.Set.Records.Keys);
        Assert.Contains("points_to_marked", set.Set.Records.Keys);
        Assert.Contains(set.Issues, i => i.Subject == "struct marked" && i.Problem.Kind == LayoutProblemKind.RandomizedLayout);
        Assert.Contains(set.Issues, i => i.Subject == "struct embeds_marked" && i.Problem.Kind == LayoutProblemKind.RandomizedLayout);
    }
}
