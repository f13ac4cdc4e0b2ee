using System.Diagnostics;
using LayoutExpert.Layout.Dwarf;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Constants;
using LayoutExpert.TestSupport;
using Xunit.Abstractions;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// The strongest check: the project's module.c built by kbuild against the
/// Debian 6.1 amd64 headers (scripts/build-module.sh), its exact compiler
/// command rerun as gcc -E (scripts/kbuild-preprocess.sh), and that module.i
/// through our lexer, parser, binder and engine. Every struct, union, enum and
/// typedef gcc put in the module's DWARF must be in our set with the same
/// layout. Fails, never skips, when the kernel packages are missing.
/// </summary>
public sealed class KernelModuleTests(KernelModuleTests.Module module, ITestOutputHelper output) : IClassFixture<KernelModuleTests.Module>
{
    public const string Kernel = "6.1.0-56";

    /// <summary>Builds the module and preprocesses it once for the class.</summary>
    public sealed class Module() : BuiltModule(Kernel, unsignedChar: false);

    [Fact]
    public void Module_unit_binds_without_errors()
    {
        var errors = module.Ours.Errors.Take(20).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(module.Ours.Issues);
        output.WriteLine($"module.i: {module.Source.Length:N0} chars; our pipeline {module.OursElapsed.TotalMilliseconds:F0} ms (debug build, first run); "
            + $"{module.Ours.Unit.Types.Records.Count} records, {module.Ours.Unit.Types.Enums.Count} enums, {module.Ours.Unit.Types.Typedefs.Count} typedefs, "
            + $"{module.Ours.Unit.Globals.Count} globals, {module.Ours.Unit.Functions.Count} functions");
    }

    [Fact]
    public void Every_type_gcc_described_for_the_unit_has_our_layout()
    {
        var comparison = LayoutSetComparison.Compare(module.Object, module.Ours.Set, bothWays: false);
        output.WriteLine($"module.o: {comparison.Records} records ({comparison.Members} members), {comparison.Enums} enums ({comparison.Constants} constants), "
            + $"{comparison.Typedefs} typedefs compared; {comparison.Mismatches.Count} mismatches");
        Assert.True(comparison.Records > 1000, $"only {comparison.Records} records in module.o's DWARF");
        Assert.True(comparison.Mismatches.Count == 0, string.Join("\n", comparison.Mismatches.Take(40)));
    }

    [Fact]
    public void Module_ko_differs_only_by_the_generated_unit()
    {
        var comparison = LayoutSetComparison.Compare(module.Linked, module.Ours.Set, bothWays: false);
        // What we lack must come from module.mod.c, a unit we were not given: its ELF note structs.
        var unexplained = comparison.Mismatches
            .Where(m => !(m.EndsWith(": missing from ours", StringComparison.Ordinal) && module.FromGeneratedUnitOnly(m)))
            .ToList();
        output.WriteLine($"module.ko: {comparison.Records} records compared; {comparison.Mismatches.Count - unexplained.Count} only in module.mod.o; {unexplained.Count} other mismatches");
        Assert.True(unexplained.Count == 0, string.Join("\n", unexplained.Take(40)));
    }

    [Fact]
    public void Globals_are_typed()
    {
        var globals = module.Ours.Unit.Globals;
        Assert.Equal("struct task_struct", globals["init_task"].Type.Spelling);
        Assert.False(globals["init_task"].IsDefined);
        // module.c's carrier objects: one definition per structure.
        var carriers = globals.Values.Where(g => g.Name.StartsWith("le_", StringComparison.Ordinal)).ToList();
        Assert.True(carriers.Count > 50, $"{carriers.Count} carrier globals");
        Assert.All(carriers, g => Assert.True(g.IsDefined, g.Name));
        Assert.Equal("struct mm_struct", globals["le_mm_struct"].Type.Spelling);
    }
}

/// <summary>
/// The same check on Debian 6.12 amd64, which kbuild builds with -funsigned-char
/// (kernels from 6.2): our evaluator reads char constants as unsigned there.
/// gcc's base type "char" is then DW_ATE_unsigned_char, which the x86-64 target
/// model does not describe (plain char is signed in the psABI): the only base
/// type left out of the comparison.
/// </summary>
public sealed class Kernel612ModuleTests(Kernel612ModuleTests.Module module, ITestOutputHelper output) : IClassFixture<Kernel612ModuleTests.Module>
{
    public sealed class Module() : BuiltModule("6.12.117+deb12", unsignedChar: true);

    [Fact]
    public void Every_type_gcc_described_for_the_unit_has_our_layout()
    {
        Assert.Empty(module.Ours.Errors.Take(20).Select(d => d.ToString()));
        var comparison = LayoutSetComparison.Compare(module.Object with { BaseTypes = module.Object.BaseTypes.Remove("char") }, module.Ours.Set, bothWays: false);
        output.WriteLine($"6.12 module.o: {comparison.Records} records ({comparison.Members} members), {comparison.Enums} enums ({comparison.Constants} constants), "
            + $"{comparison.Typedefs} typedefs compared; {comparison.Mismatches.Count} mismatches");
        Assert.True(comparison.Records > 1000, $"only {comparison.Records} records in module.o's DWARF");
        Assert.True(comparison.Mismatches.Count == 0, string.Join("\n", comparison.Mismatches.Take(40)));
    }
}

/// <summary>The project's module.c built by kbuild for one kernel (amd64), preprocessed, and run through our pipeline.</summary>
public abstract class BuiltModule : IDisposable
{
    protected BuiltModule(string kernel, bool unsignedChar)
    {
        {
            Directory = System.IO.Directory.CreateTempSubdirectory("layoutexpert-kmod-").FullName;
            KernelCache.FlavourTree(kernel, "amd64");
            Script("build-module.sh", kernel, "amd64", Directory);
            Script("kbuild-preprocess.sh", kernel, "amd64", Directory);
            Source = File.ReadAllText(Path.Combine(Directory, "module.i"));
            var watch = Stopwatch.StartNew();
            var options = new BinderOptions { Integers = IntegerModel.Lp64 with { PlainCharIsUnsigned = unsignedChar } };
            Ours = OurPipeline.Run(Source, OurPipeline.Selection.All, Path.Combine(Directory, "module.i"), options);
            OursElapsed = watch.Elapsed;
            Object = DwarfReader.ReadLayouts(Path.Combine(Directory, "module.o"));
            Linked = DwarfReader.ReadLayouts(Path.Combine(Directory, "module.ko"));
            Generated = DwarfReader.ReadLayouts(Path.Combine(Directory, "module.mod.o"));
        }
    }

    public string Directory { get; }

    public string Source { get; }

    public OurPipeline.Outcome Ours { get; }

    public TimeSpan OursElapsed { get; }

    /// <summary>module.o: the DWARF of exactly the unit we read.</summary>
    public LayoutSet Object { get; }

    /// <summary>module.ko: module.o linked with modpost's module.mod.o.</summary>
    public LayoutSet Linked { get; }

    /// <summary>module.mod.o, the unit modpost generates (ELF notes, the struct module instance).</summary>
    public LayoutSet Generated { get; }

    /// <summary>Whether a "missing" mismatch names a record only module.mod.o has.</summary>
    public bool FromGeneratedUnitOnly(string mismatch)
    {
        var subject = mismatch[..mismatch.IndexOf(':', StringComparison.Ordinal)];
        var name = subject[(subject.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        return Generated.Records.ContainsKey(name) && !Object.Records.ContainsKey(name);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        GC.SuppressFinalize(this);
    }

    private static void Script(string name, params string[] args) =>
        Gcc.Run("bash", [Path.Combine(RepoPaths.Root, "scripts", name), .. args]);
}
