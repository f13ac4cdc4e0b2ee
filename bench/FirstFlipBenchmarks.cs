using BenchmarkDotNet.Attributes;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;

namespace LayoutExpert.Bench;

/// <summary>
/// Issue 6's second scenario as a first visit: before each invocation a fresh
/// database makes the amd64 profile (not measured); the invocation makes the
/// profile with one option flipped, a config that database has never seen.
/// <see cref="ManyConfigsBenchmarks.OneOptionFlipped"/> measures the same flip
/// revisited in a warm database.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class FirstFlipBenchmarks
{
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private KernelConfig _amd64 = null!;
    private ProfileDatabase _database = null!;

    [Params("MEMCG", "DEBUG_LOCK_ALLOC")]
    public string Option { get; set; } = "MEMCG";

    [GlobalSetup]
    public void Setup()
    {
        _preAst = PreAstBuilder.Build(KernelInputs.Options61()).PreAst;
        _amd64 = ConfigBatch.Amd64();
    }

    [IterationSetup]
    public void ColdProfileFirst()
    {
        _database = new ProfileDatabase(_preAst);
        _database.SetConfig(_amd64);
        _database.Profile(ProfileFormat.Isf);
        _database.DropUnused();
        GC.Collect();
    }

    [Benchmark]
    public int FirstFlip()
    {
        var flipped = _amd64.With(Option, _amd64.IsSet(Option) ? null : new ConfigValue(ConfigValueKind.Yes, "y"));
        _database.SetConfig(flipped);
        return _database.Profile(ProfileFormat.Isf).Bytes.Length;
    }
}
