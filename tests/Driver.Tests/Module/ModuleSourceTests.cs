using LayoutExpert.TestSupport;

namespace LayoutExpert.Driver.Tests.Module;

/// <summary>Cheap checks on the text of src/Driver/Module/module.c.</summary>
public sealed class ModuleSourceTests
{
    private static string Source => File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "Driver", "Module", "module.c"));

    [Fact]
    public void Declares_a_global_of_every_type_volatility_needs()
    {
        var declared = CarrierGlobals.Parse(Source).Select(g => g.StructName).ToHashSet();

        var missing = RequiredTypes.Volatility.Concat(RequiredTypes.Plugins).Where(t => !declared.Contains(t)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Declares_at_least_forty_distinct_structures_once_each()
    {
        var globals = CarrierGlobals.Parse(Source);

        Assert.True(globals.Count >= 40, $"only {globals.Count} globals");
        Assert.Equal(globals.Count, globals.Select(g => g.StructName).Distinct().Count());
        Assert.All(globals, g => Assert.Equal("le_" + g.StructName, g.VariableName));
    }

    [Fact]
    public void Is_a_gpl_module_that_can_use_gpl_only_exports()
    {
        Assert.Contains("MODULE_LICENSE(\"GPL\");", Source);
    }
}
