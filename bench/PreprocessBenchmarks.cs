using BenchmarkDotNet.Attributes;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Kbuild;
using LayoutExpert.Preprocessing.Linking;
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
