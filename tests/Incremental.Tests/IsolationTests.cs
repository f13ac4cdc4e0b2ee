namespace LayoutExpert.Incremental.Tests;

public sealed class IsolationTests
{
    [Fact]
    public void Two_databases_sharing_query_definitions_do_not_interfere()
    {
        var option = new InputQuery<string, string?>("config-option", _ => null);
        var runs = new Counter();
        var describe = new DerivedQuery<string, string>("describe", (ctx, key) => runs.Tick(key + "=" + (ctx.Get(option, key) ?? "n")));
        var first = new Database();
        var second = new Database();

        first.Set(option, "CONFIG_SMP", "y");
        first.Set(option, "CONFIG_SMP", "m");
        Assert.Equal("CONFIG_SMP=m", first.Get(describe, "CONFIG_SMP"));
        Assert.Equal("CONFIG_SMP=n", second.Get(describe, "CONFIG_SMP"));
        second.Set(option, "CONFIG_SMP", "y");
        Assert.Equal("CONFIG_SMP=y", second.Get(describe, "CONFIG_SMP"));
        Assert.Equal("CONFIG_SMP=m", first.Get(describe, "CONFIG_SMP"));

        Assert.Equal(3, runs.Count);
        Assert.Equal(1, first.Statistics.For(describe).Executions);
        Assert.Equal(2, second.Statistics.For(describe).Executions);
        Assert.Equal(new Revision(3), first.CurrentRevision);
        Assert.Equal(new Revision(2), second.CurrentRevision);

        first.DropMemosNotVerifiedSince(new Revision(100));
        Assert.Equal(0, first.MemoCount);
        Assert.Equal(1, second.MemoCount);
    }
}
