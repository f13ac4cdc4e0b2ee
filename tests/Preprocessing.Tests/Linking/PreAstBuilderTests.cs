using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.PreAst;

namespace LayoutExpert.Preprocessing.Tests.Linking;

/// <summary>Include linking on small trees made on disk: search order, quoted includes, #include_next, generated headers.</summary>
public class PreAstBuilderTests
{
    internal static PreAst.PreAst Build(string tree, string module, params string[] more) =>
        PreAstBuilder.Build(new PreAstBuildOptions([tree, .. more], ArchitectureLayout.X86_64, Path.Combine(tree, "module.c"), module)).PreAst;

    internal static string Tree(params (string Path, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-tree-").FullName;
        // The files kbuild forces in with -include.
        (string, string)[] forced = [("include/linux/compiler-version.h", ""), ("include/linux/kconfig.h", ""), ("include/linux/compiler_types.h", "")];
        foreach (var (path, text) in files.Concat(forced))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), text);
        }
        return dir;
    }

    [Fact]
    public void Angled_includes_follow_kbuilds_order_arch_before_generic()
    {
        var tree = Tree(("arch/x86/include/asm/x.h", "arch"), ("include/asm/x.h", "generic"));
        var preAst = Build(tree, "#include <asm/x.h>\n");
        Assert.Equal("arch/x86/include/asm/x.h", preAst.Files[preAst.Main.Includes[0].Target].Path);
    }

    [Fact]
    public void Include_next_resumes_after_the_directory_the_file_came_from()
    {
        var tree = Tree(
            ("arch/x86/include/asm/x.h", "#include_next <asm/x.h>\n"),
            ("include/asm/x.h", "int generic;\n"),
            ("include/uapi/asm/x.h", "int uapi;\n"));
        var preAst = Build(tree, "#include <asm/x.h>\n");
        var arch = preAst.Files[preAst.Main.Includes[0].Target];
        Assert.Equal("include/asm/x.h", preAst.Files[arch.Includes[0].Target].Path);
    }

    [Fact]
    public void Quoted_includes_look_beside_the_includer_first()
    {
        var tree = Tree(("include/linux/a.h", "#include \"b.h\"\n"), ("include/linux/b.h", "local"), ("include/b.h", "search path"));
        var preAst = Build(tree, "#include <linux/a.h>\n");
        var a = preAst.Files[preAst.Main.Includes[0].Target];
        Assert.Equal("include/linux/b.h", preAst.Files[a.Includes[0].Target].Path);
    }

    [Fact]
    public void Every_branch_is_followed_and_missing_headers_are_recorded()
    {
        var tree = Tree(("include/a.h", "x"), ("include/b.h", "y"));
        var preAst = Build(tree, "#ifdef X\n#include <a.h>\n#else\n#include <b.h>\n#include <nowhere.h>\n#endif\n#include MACRO\n");
        Assert.Contains(preAst.Files, f => f.Path == "include/a.h");
        Assert.Contains(preAst.Files, f => f.Path == "include/b.h");
        Assert.Equal(new MissingInclude("<nowhere.h>", "module.c", 5), Assert.Single(preAst.Missing));
        Assert.Equal(IncludeForm.Computed, preAst.Main.Includes[3].Form);
        Assert.Equal("MACRO", preAst.Main.Includes[3].Spelled);
    }

    [Fact]
    public void Config_dependent_generated_headers_are_placeholders_even_when_a_copy_exists()
    {
        var tree = Tree(("include/generated/autoconf.h", "#define CONFIG_X 1\n"), ("include/generated/uapi/linux/version.h", "v"));
        var preAst = Build(tree, "#include <generated/autoconf.h>\n#include <generated/bounds.h>\n#include <linux/version.h>\n");
        Assert.Equal("include/generated/autoconf.h", preAst.Main.Includes[0].Generated);
        Assert.Equal("include/generated/bounds.h", preAst.Main.Includes[1].Generated);
        Assert.Equal("include/generated/uapi/linux/version.h", preAst.Files[preAst.Main.Includes[2].Target].Path);
        Assert.Empty(preAst.Missing);
    }

    [Fact]
    public void Split_trees_search_each_directory_in_every_tree()
    {
        var common = Tree(("include/linux/a.h", "#include <generated/utsrelease.h>\n"));
        var flavour = Directory.CreateTempSubdirectory("layoutexpert-flavour-").FullName;
        Directory.CreateDirectory(Path.Combine(flavour, "include", "generated"));
        File.WriteAllText(Path.Combine(flavour, "include", "generated", "utsrelease.h"), "#define UTS_RELEASE \"9.9.9-test\"\n");
        var preAst = PreAstBuilder.Build(new PreAstBuildOptions([common, flavour], ArchitectureLayout.X86_64,
            Path.Combine(common, "module.c"), "#include <linux/a.h>\n")).PreAst;
        Assert.Contains(preAst.Files, f => f.Path == "include/generated/utsrelease.h");
        Assert.Equal("9.9.9-test", preAst.Metadata.KernelRelease);
    }

    [Fact]
    public void Has_include_is_answered_at_build_time()
    {
        var tree = Tree(("include/a.h", "x"));
        var preAst = Build(tree, "#if __has_include(<a.h>) && !__has_include(\"zz.h\")\n#endif\n");
        Assert.True(preAst.Main.HasInclude["<a.h>"]);
        Assert.False(preAst.Main.HasInclude["\"zz.h\""]);
    }
}
