using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Module;

/// <summary>
/// Builds the default module with the real kbuild and gcc for one flavour
/// (6.1 amd64) and checks what the DWARF says. Needs the fetched kernels and
/// gcc-12: fails, never skips, when they are missing.
/// </summary>
public sealed class ModuleBuildTests
{
    private const string Kernel = "6.1.0-56";
    private const string Flavour = "amd64";

    [Fact]
    public void Kbuild_puts_every_carried_structure_into_the_module_dwarf()
    {
        KernelCache.FlavourTree(Kernel, Flavour);
        var outDir = Directory.CreateTempSubdirectory("layoutexpert-module-").FullName;
        try
        {
            var scripts = Path.Combine(RepoPaths.Root, "scripts");
            Gcc.Run("bash", [Path.Combine(scripts, "build-module.sh"), Kernel, Flavour, outDir]);
            Gcc.Run("bash", [Path.Combine(scripts, "kbuild-preprocess.sh"), Kernel, Flavour, outDir]);

            var ko = Path.Combine(outDir, "module.ko");
            Assert.True(File.Exists(ko), "no module.ko");
            Assert.True(File.Exists(Path.Combine(outDir, ".module.o.cmd")), "no .module.o.cmd");

            // The globals gcc saw: the preprocessed text, after the version guards.
            var globals = CarrierGlobals.Parse(File.ReadAllText(Path.Combine(outDir, "module.i")));
            var names = globals.Select(g => g.StructName).ToHashSet();
            Assert.Superset(RequiredTypes.Volatility.ToHashSet(), names);
            Assert.Contains("module_layout", names);   // 6.1 has no module_memory yet
            Assert.DoesNotContain("module_memory", names);

            var dies = ReadelfDies.Parse(Gcc.Run("readelf", ["--debug-dump=info", ko]));
            var variables = dies.All
                .Where(d => d.Tag == "DW_TAG_variable" && d.Name is not null && !d.IsDeclaration)
                .GroupBy(d => d.Name!)
                .ToDictionary(g => g.Key, g => g.First());
            Assert.All(globals, g =>
            {
                Assert.True(variables.TryGetValue(g.VariableName, out var variable), $"no DWARF variable {g.VariableName}");
                var type = dies.At(variable!.TypeOffset ?? -1);
                Assert.NotNull(type);
                Assert.Equal("DW_TAG_structure_type", type.Tag);
                Assert.Equal(g.StructName, type.Name);
                Assert.False(type.IsDeclaration, $"struct {g.StructName} is only declared");
                Assert.True(type.ByteSize > 0, $"struct {g.StructName} has no size");
            });
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
