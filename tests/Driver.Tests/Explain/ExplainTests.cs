using Xunit.Abstractions;
using LayoutExpert.Driver.Explain;
using LayoutExpert.Driver.Queries;
using LayoutExpert.Driver.Tests.Pipeline;
using LayoutExpert.Layout.Model;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Driver.Tests.Explain;

/// <summary>
/// explain on the real 6.1 kernel, checked by experiment: an option it names
/// for a type is read where it says, and options it leaves out do not move
/// the layout when flipped.
/// </summary>
public class ExplainTests(ITestOutputHelper output)
{
    private const string Kernel = "6.1.0-56";

    private static (ProfileDatabase Database, KernelConfig Config) Amd64()
    {
        var database = new ProfileDatabase(KernelInputs.PreAst(Kernel, "amd64"));
        var config = KernelInputs.Config(Kernel, "amd64");
        database.SetConfig(config);
        return (database, config);
    }

    [Fact]
    public void Task_struct_is_decided_by_the_ifdefs_in_sched_h_and_those_of_its_members()
    {
        var (database, config) = Amd64();
        var explanation = new OptionAttribution(database.PreAst, database.CompiledModule(), config).Explain("task_struct");
        Assert.True(explanation.Found, explanation.Problem);
        output.WriteLine(ExplanationText.Format(explanation, database.Types().Types));
        var memcg = Assert.Single(explanation.Options, o => o.Option == "CONFIG_MEMCG");
        Assert.Equal("y", memcg.Value);
        Assert.Contains(memcg.Sites, s => s.File == "include/linux/sched.h" && s.Directive == "#ifdef CONFIG_MEMCG");
        // Through members held by value: spinlock_t's debug fields, struct sched_entity's group scheduling.
        Assert.Contains(explanation.Options, o => o.Option == "CONFIG_DEBUG_SPINLOCK");
        Assert.Contains(explanation.Options, o => o.Option == "CONFIG_FAIR_GROUP_SCHED");
        Assert.Contains("struct sched_entity", explanation.TypesFollowed);
    }

    [Fact]
    public void A_member_offset_is_decided_only_by_what_comes_before_it()
    {
        var (database, config) = Amd64();
        var attribution = new OptionAttribution(database.PreAst, database.CompiledModule(), config);
        var whole = attribution.Explain("task_struct").Options.Select(o => o.Option).ToHashSet();
        var comm = attribution.Explain("task_struct.comm").Options.Select(o => o.Option).ToHashSet();
        Assert.Subset(whole, comm);
        // struct sysv_sem follows comm in 6.1's task_struct.
        Assert.Contains("CONFIG_SYSVIPC", whole);
        Assert.DoesNotContain("CONFIG_SYSVIPC", comm);
        var before = database.Types().Types.Records["task_struct"];
        database.SetConfig(config.With("SYSVIPC", null));
        var after = database.Types().Types.Records["task_struct"];
        Assert.NotEqual(before.Size, after.Size);
        Assert.Equal(Offset(before, "comm"), Offset(after, "comm"));
    }

    [Fact]
    public void Options_left_out_of_an_explanation_do_not_move_the_layout()
    {
        var (database, config) = Amd64();
        var attribution = new OptionAttribution(database.PreAst, database.CompiledModule(), config);
        var dentry = attribution.Explain("dentry").Options.Select(o => o.Option["CONFIG_".Length..]).ToHashSet();
        var task = attribution.Explain("task_struct").Options.Select(o => o.Option["CONFIG_".Length..]).ToList();
        var before = database.Types().Types;
        // Options that decide task_struct but, says explain, not dentry: flipping them must leave dentry alone.
        var outside = task.Where(o => !dentry.Contains(o) && config.IsBuiltin(o)).Take(6).ToList();
        Assert.True(outside.Count >= 3, "task_struct has options dentry does not");
        foreach (var option in outside)
        {
            database.SetConfig(config.With(option, null));
            var after = database.Types().Types;
            Assert.True(after.Records.TryGetValue("dentry", out var flipped), $"dentry with {option} off");
            Assert.Equal(before.Records["dentry"], flipped);
            output.WriteLine($"CONFIG_{option} off: dentry unchanged; task_struct {before.Records["task_struct"].Size} -> {after.Records["task_struct"].Size}");
        }
        // And the one explain names for dentry's lock (through struct lockref and spinlock_t) does move it.
        Assert.Contains("DEBUG_SPINLOCK", dentry);
        database.SetConfig(config.With("DEBUG_SPINLOCK", new ConfigValue(ConfigValueKind.Yes, "y")));
        Assert.NotEqual(before.Records["dentry"].Size, database.Types().Types.Records["dentry"].Size);
    }

    [Fact]
    public void Diff_of_amd64_and_cloud_names_task_struct_and_options_that_differ()
    {
        var database = new ProfileDatabase(KernelInputs.PreAst(Kernel, "amd64"));
        var amd64 = KernelInputs.Config(Kernel, "amd64");
        var cloud = KernelInputs.Config(Kernel, "cloud-amd64");
        database.SetConfig(amd64);
        var before = database.Types().Types;
        var attribution = new OptionAttribution(database.PreAst, database.CompiledModule(), amd64);
        database.SetConfig(cloud);
        var after = database.Types().Types;
        var changes = LayoutSetDiff.Compare(before, after);
        var task = Assert.Single(changes, c => c.Type == "struct task_struct");
        Assert.Equal(before.Records["task_struct"].Size, task.SizeBefore);
        Assert.Equal(after.Records["task_struct"].Size, task.SizeAfter);
        Assert.NotEmpty(task.Members);
        var differing = attribution.Explain("task_struct").Options.Where(o => amd64[o.Option["CONFIG_".Length..]]?.Value != cloud[o.Option["CONFIG_".Length..]]?.Value).ToList();
        Assert.NotEmpty(differing);
        output.WriteLine($"{changes.Length} types differ; task_struct because of {string.Join(", ", differing.Select(o => o.Option))}");
        foreach (var member in task.Members.Take(10)) output.WriteLine("  " + member);
    }

    private static long Offset(RecordLayout record, string member) => record.Members.Single(m => m.Name == member).BitOffset;
}
