using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Driver.Explain;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;
using Xunit.Abstractions;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>
/// The property of issue 6: from the Debian amd64 config, random sequences of
/// changes to options the unit reads (flip y/n, change CONFIG_NR_CPUS and
/// CONFIG_HZ) through ONE database give, step by step, the bytes a fresh
/// database gives.
/// </summary>
public class IncrementalProfilePropertyTests(ITestOutputHelper output)
{
    private const string Kernel = "6.1.0-56";
    private const int Cases = 3;

    /// <summary>One change: an option and its new value (null: not set).</summary>
    public sealed record Change(string Option, ConfigValue? Value)
    {
        public override string ToString() => $"CONFIG_{Option}={Value?.Text ?? "n"}";
    }

    [Fact]
    public void Random_option_changes_in_one_database_give_the_profiles_of_fresh_databases()
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var probe = new ProfileDatabase(preAst);
        probe.SetConfig(amd64);
        // Options the unit really reads: those explain finds behind some of the profile's central types.
        var attribution = new OptionAttribution(preAst, probe.CompiledModule(), amd64);
        var pool = new[] { "task_struct", "mm_struct", "dentry", "inode", "file", "sock", "net_device", "page" }
            .SelectMany(t => attribution.Explain(t).Options)
            .Select(o => o.Option["CONFIG_".Length..])
            .Where(o => amd64[o] is null || amd64[o]!.Kind == ConfigValueKind.Yes)
            .Distinct().Order(StringComparer.Ordinal).ToArray();
        output.WriteLine($"{pool.Length} bool options to flip, e.g. {string.Join(", ", pool.Take(12))}");
        Assert.True(pool.Length > 50);

        var flips = Gen.Elements(pool).Select(o => new Change(o, amd64[o] is null ? new ConfigValue(ConfigValueKind.Yes, "y") : null));
        var cpus = Gen.Elements("64", "512", "8192").Select(n => new Change("NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, n)));
        var hz = Gen.Elements("100", "250", "1000").Select(n => new Change("HZ", new ConfigValue(ConfigValueKind.Decimal, n)));
        var change = Gen.Frequency((6, flips), (1, cpus), (1, hz));
        var scenario = Gen.Choose(2, 4).SelectMany(n => Gen.ArrayOf(change, n));

        var database = new ProfileDatabase(preAst);
        var steps = 0;
        var watch = Stopwatch.StartNew();
        var property = Prop.ForAll(scenario.ToArbitrary(), changes =>
        {
            var config = amd64;
            foreach (var step in changes)
            {
                config = step.Option == "HZ"
                    ? config.With("HZ", step.Value).With("HZ_" + step.Value!.Text, new ConfigValue(ConfigValueKind.Yes, "y"))
                    : config.With(step.Option, step.Value);
                database.SetConfig(config);
                var incremental = database.Profile(ProfileFormat.Isf);
                database.DropUnused();
                var fresh = new ProfileDatabase(preAst);
                fresh.SetConfig(config);
                var scratch = fresh.Profile(ProfileFormat.Isf);
                steps++;
                if (!scratch.Bytes.AsSpan().SequenceEqual(incremental.Bytes.AsSpan()))
                {
                    throw new InvalidOperationException($"after {string.Join(", ", changes)}: the incremental profile differs from a fresh one");
                }
            }
        });
        Check.One(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
        output.WriteLine($"{steps} profiles compared in {watch.Elapsed.TotalSeconds:F1} s; {database.Database.Statistics}");
    }
}
