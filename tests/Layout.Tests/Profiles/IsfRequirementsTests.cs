using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles.Isf;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

public sealed class IsfRequirementsTests
{
    private static readonly string[] VolatilityTypes =
    [
        "file", "list_head", "hlist_head", "mm_struct", "super_block", "task_struct", "vm_area_struct",
        "qstr", "dentry", "fs_struct", "files_struct", "kobject", "cred", "inode", "idr",
        "address_space", "page", "vfsmount", "net", "socket", "sock", "inet_sock", "unix_sock",
    ];

    private static IsfInput Input(IEnumerable<string> types, bool banner, TypeRef? initTaskType) => new(
        Layouts.Set(types.Select(t => Struct(t, 8, M("x", 0, B("long int"))))),
        MiniKernel.Addresses(),
        initTaskType is null
            ? ImmutableSortedDictionary<string, TypeRef>.Empty
            : ImmutableSortedDictionary<string, TypeRef>.Empty.Add("init_task", initTaskType),
        banner ? MiniKernel.Banner() : null,
        new IsfProducer("t", "0"), [], []);

    [Fact]
    public void A_complete_profile_lacks_nothing()
    {
        var document = IsfWriter.Build(Input(VolatilityTypes, banner: true, S("task_struct")));
        Assert.Empty(IsfRequirements.FindMissing(document.ToJson()));
        Assert.Empty(IsfRequirements.Check(document));
    }

    [Fact]
    public void Lists_each_missing_type_symbol_type_and_banner()
    {
        var input = Input(VolatilityTypes.Where(t => t is not ("dentry" or "unix_sock")), banner: false, initTaskType: null)
            with { SymbolAddresses = MiniKernel.Addresses().Remove("init_top_pgt") };
        var missing = IsfRequirements.FindMissing(IsfWriter.Build(input).ToJson());
        Assert.Equal(
            [
                "user type 'dentry'",
                "user type 'unix_sock'",
                "symbol 'init_top_pgt'",
                "the type of symbol 'init_task' (struct task_struct)",
                "the constant_data (banner bytes) of symbol 'linux_banner'",
            ],
            missing.ToArray());
    }

    [Fact]
    public void Init_task_of_the_wrong_type_is_reported_and_check_gives_warnings()
    {
        var document = IsfWriter.Build(Input(VolatilityTypes, banner: true, P(S("task_struct"))));
        var warnings = IsfRequirements.Check(document);
        var warning = Assert.Single(warnings);
        Assert.Equal("LE4870", warning.Code);
        Assert.Contains("init_task", warning.Message);
    }

    [Fact]
    public void The_required_lists_are_volatilitys()
    {
        Assert.Equal(VolatilityTypes, IsfRequirements.RequiredTypes.ToArray());
        Assert.Equal(["init_task", "init_files", "init_top_pgt", "linux_banner"], IsfRequirements.RequiredSymbols.ToArray());
    }
}
