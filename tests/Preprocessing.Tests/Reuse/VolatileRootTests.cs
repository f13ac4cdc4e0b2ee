using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;

namespace LayoutExpert.Preprocessing.Tests.Reuse;

/// <summary>
/// The unit's last root (the module source) is recorded with its CONFIG_ and
/// synthetic reads alone: it may be replayed only where the table it starts
/// from was made by the same operations (the same root prefix).
/// </summary>
public class VolatileRootTests
{
    [Fact]
    public void A_module_recorded_with_its_config_reads_alone_runs_again_after_another_prefix()
    {
        // The module reads no option, but what kbuild's forced include defined before it depends on one.
        var dir = Directory.CreateTempSubdirectory("layoutexpert-tree-").FullName;
        foreach (var (path, text) in new[]
        {
            ("include/linux/compiler-version.h", ""),
            ("include/linux/kconfig.h", ""),
            ("include/linux/compiler_types.h", "#ifdef CONFIG_FOO\n#define X 1\n#else\n#define X 2\n#endif\n"),
        })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, path))!);
            File.WriteAllText(Path.Combine(dir, path), text);
        }
        var preAst = PreAstBuilder.Build(new PreAstBuildOptions([dir], ArchitectureLayout.X86_64, Path.Combine(dir, "module.c"), "int x = X;\n")).PreAst;
        Assert.NotEmpty(preAst.ForcedIncludes);
        var session = new PreprocessingSession();
        foreach (var predefined in new[] { "", "#define CONFIG_FOO 1\n", "" })
        {
            var reused = Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined), PreAst.PreAst.MainFile, session);
            Assert.Equal(TextRunReplayTests.Texts(Preprocessor.Run(preAst, TextRunReplayTests.Options(predefined))), TextRunReplayTests.Texts(reused));
        }
        Assert.Equal(["int", "x", "=", "1", ";"], TextRunReplayTests.Texts(Preprocessor.Run(preAst, TextRunReplayTests.Options("#define CONFIG_FOO 1\n"))));
    }
}
