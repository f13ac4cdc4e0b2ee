using BenchmarkDotNet.Attributes;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Issue 6's scenarios on the 6.1 Pre-AST, in process, to the profile's bytes
/// (ISF): (1) a cold profile for amd64 in a fresh database (as the first
/// config of a batch: recording what later configs replay; and, beside it,
/// as a single-config make-profile makes it, recording nothing); (2) one
/// option flipped (CONFIG_MEMCG): in a warm database that has seen both
/// configs (each invocation flips it: a revisit), and, in
/// <see cref="FirstFlipBenchmarks"/>, as the first visit right after the cold
/// profile; (3) a batch of ten configs in one database — amd64, cloud-amd64
/// and eight variants with a few options changed — whose marginal cost per
/// config is (3) minus the batch's cold first config, divided by nine.
/// </summary>
[MemoryDiagnoser]
public class ManyConfigsBenchmarks
{
    private Preprocessing.PreAst.PreAst _preAst = null!;
    private KernelConfig _amd64 = null!;
    private KernelConfig _withoutMemcg = null!;
    private KernelConfig[] _batch = [];
    private ProfileDatabase _warm = null!;
    private bool _flipped;

    [GlobalSetup]
    public void Setup()
    {
        var options = KernelInputs.Options61();
        _preAst = PreAstBuilder.Build(options).PreAst;
        _batch = ConfigBatch.Configs();
        _amd64 = _batch[0];
        _withoutMemcg = _batch[2];
        _warm = new ProfileDatabase(_preAst);
        _warm.SetConfig(_amd64);
        _warm.Profile(ProfileFormat.Isf);
    }

    [Benchmark(Baseline = true)]
    public int ColdProfile()
    {
        var database = new ProfileDatabase(_preAst);
        database.SetConfig(_amd64);
        return database.Profile(ProfileFormat.Isf).Bytes.Length;
    }

    /// <summary>(1) as a single-config make-profile runs it: a database that keeps nothing for later configs (no recording).</summary>
    [Benchmark]
    public int ColdProfileSingleConfig()
    {
        var database = new ProfileDatabase(_preAst, reuseAcrossConfigs: false);
        database.SetConfig(_amd64);
        return database.Profile(ProfileFormat.Isf).Bytes.Length;
    }

    [Benchmark]
    public int OneOptionFlipped()
    {
        _flipped = !_flipped;
        _warm.SetConfig(_flipped ? _withoutMemcg : _amd64);
        var length = _warm.Profile(ProfileFormat.Isf).Bytes.Length;
        _warm.DropUnused();
        return length;
    }

    [Benchmark]
    public int TenConfigsInOneDatabase()
    {
        var database = new ProfileDatabase(_preAst);
        var total = 0;
        foreach (var config in _batch)
        {
            database.SetConfig(config);
            total += database.Profile(ProfileFormat.Isf).Bytes.Length;
            database.DropUnused();
        }
        return total;
    }
}
