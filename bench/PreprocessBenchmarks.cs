using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Preprocessing the module translation unit from an already loaded 6.1
/// Pre-AST with the amd64 config, in process. Compare with `gcc -E` of the same
/// unit (scripts/kbuild-preprocess.sh; `hyperfine` or `time` it on the same machine).
/// </summary>
[MemoryDiagnoser]
public class PreprocessBenchmarks
{
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private PreprocessorOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var generated = Path.Combine(KernelCache.FlavourTree(KernelInputs.Kernel, "amd64"), "include", "generated");
        var other = new Dictionary<string, string>
        {
            ["include/generated/bounds.h"] = File.ReadAllText(Path.Combine(generated, "bounds.h")),
            ["include/generated/timeconst.h"] = File.ReadAllText(Path.Combine(generated, "timeconst.h")),
            ["include/generated/asm-offsets.h"] = File.ReadAllText(Path.Combine(generated, "asm-offsets.h")),
        };
        _options = KbuildCompilation.Create(_preAst, config, other).Options;
    }

    [Benchmark]
    public int PreprocessModule() => Preprocessor.Run(_preAst, _options).Tokens.Count;
}

/// <summary>
/// Incremental preprocessing: a <see cref="PreprocessingSession"/> that has run
/// the 6.1 amd64 config runs it with one option flipped (CONFIG_DEBUG_LOCK_ALLOC
/// set, config read lazily). The session is warmed afresh before each
/// invocation (IterationSetup, one invocation per iteration), so every measured
/// run is the first with that option flipped. Compare with
/// <see cref="PreprocessBenchmarks.PreprocessModule"/>.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class PreprocessSessionBenchmarks
{
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private PreprocessorOptions _options = null!;
    private PreprocessorOptions _flipped = null!;
    private PreprocessingSession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        var config = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;
        var generated = Path.Combine(KernelCache.FlavourTree(KernelInputs.Kernel, "amd64"), "include", "generated");
        var other = new Dictionary<string, string> { ["include/generated/bounds.h"] = File.ReadAllText(Path.Combine(generated, "bounds.h")) };
        _options = KbuildCompilation.Create(_preAst, config, other).LazyConfigOptions;
        var flipped = new KernelConfig(config.Path, config.Title,
            [.. config.Entries, new ConfigEntry("DEBUG_LOCK_ALLOC", new ConfigValue(ConfigValueKind.Yes, "y"), config.Count + 1)]);
        _flipped = KbuildCompilation.Create(_preAst, flipped, other).LazyConfigOptions;
    }

    [IterationSetup]
    public void WarmSession()
    {
        _session = new PreprocessingSession();
        Preprocessor.Run(_preAst, _options, Preprocessing.PreAst.PreAst.MainFile, _session);
    }

    [Benchmark]
    public int OneOptionFlippedWithWarmSession() =>
        Preprocessor.Run(_preAst, _flipped, Preprocessing.PreAst.PreAst.MainFile, _session).Tokens.Count;
}
