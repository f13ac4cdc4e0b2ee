using Xunit.Abstractions;
using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Tests.Queries;

/// <summary>make-profile's query database on the real 6.1 kernel: configs passed one after the other give what fresh databases give.</summary>
public class ProfileDatabaseTests(ITestOutputHelper output)
{
    private const string Kernel = "6.1.0-56";

    [Fact]
    public void Configs_in_one_database_give_the_bytes_of_fresh_databases()
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var configs = new[]
        {
            amd64,
            KernelInputs.Config(Kernel, "cloud-amd64"),
            amd64.With("MEMCG", null),
            amd64,
        };
        var shared = new ProfileDatabase(preAst);
        var sizes = new List<long>();
        foreach (var config in configs)
        {
            shared.SetConfig(config);
            var incremental = shared.Profile(ProfileFormat.Isf);
            shared.DropUnused();
            var fresh = new ProfileDatabase(preAst);
            fresh.SetConfig(config);
            var scratch = fresh.Profile(ProfileFormat.Isf);
            Assert.True(scratch.Bytes.AsSpan().SequenceEqual(incremental.Bytes.AsSpan()), $"the profile for config #{sizes.Count} differs from a fresh database's");
            sizes.Add(shared.Types().Types.Records["task_struct"].Size);
            output.WriteLine($"config #{sizes.Count - 1}: {incremental.Bytes.Length} bytes, task_struct {sizes[^1]}; executions so far {shared.Database.Statistics.Total.Executions}");
        }
        // sizeof(struct task_struct) in kbuild's module.o DWARF for 6.1.0-56 amd64 (DW_AT_byte_size, readelf --debug-dump=info);
        // ProfileAgainstDwarfTests checks every layout against that DWARF.
        Assert.Equal(9792, sizes[0]);
        // The configs really differ where it matters: cloud-amd64 and MEMCG off each shrink task_struct.
        Assert.NotEqual(sizes[0], sizes[1]);
        Assert.NotEqual(sizes[0], sizes[2]);
        Assert.Equal(sizes[0], sizes[3]);
    }

    [Fact]
    public void An_option_the_unit_never_reads_reruns_no_compilation_and_a_flip_replays_most_files()
    {
        var preAst = KernelInputs.PreAst(Kernel, "amd64");
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var database = new ProfileDatabase(preAst);
        database.SetConfig(amd64);
        var first = database.Profile(ProfileFormat.Isf);
        var compile = database.Database.Statistics.For(ProfileQueries.Compile);
        var kbuild = database.Database.Statistics.For(ProfileQueries.Kbuild);

        // No header tests this option, and kbuild-setup reads only the options gcc's flags depend on: nothing runs again.
        database.SetConfig(amd64.With("LAYOUT_EXPERT_NOT_A_KERNEL_OPTION", new ConfigValue(ConfigValueKind.Yes, "y")));
        var second = database.Profile(ProfileFormat.Isf);
        Assert.Same(first, second);
        Assert.Equal(compile.Executions, database.Database.Statistics.For(ProfileQueries.Compile).Executions);
        Assert.Equal(kbuild.Executions, database.Database.Statistics.For(ProfileQueries.Kbuild).Executions);

        // CONFIG_MEMCG is read by the module unit, not by bounds.c: only the module is compiled again, mostly by replay.
        database.SetConfig(amd64.With("MEMCG", null));
        database.Profile(ProfileFormat.Isf);
        Assert.Equal(compile.Executions + 1, database.Database.Statistics.For(ProfileQueries.Compile).Executions);
        var replay = database.Session.Preprocessing!.LastRun;
        output.WriteLine($"CONFIG_MEMCG off: {replay}");
        Assert.True(replay.ReplayedFraction > 0.7, replay.ToString());
        var dependencies = database.Database.GetDependencies(ProfileQueries.Compile, Preprocessing.PreAst.PreAst.MainFile);
        var options = dependencies.Where(d => d.Query == ProfileInputs.ConfigOption).Select(d => (string)d.Key).ToHashSet();
        output.WriteLine($"the module unit read {options.Count} of the config's {amd64.Count} options");
        Assert.Contains("MEMCG", options);
        Assert.DoesNotContain("LAYOUT_EXPERT_NOT_A_KERNEL_OPTION", options);
        Assert.True(options.Count < amd64.Count / 2);
    }
}
