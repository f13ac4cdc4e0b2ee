namespace LayoutExpert.Incremental.Tests;

public sealed class MemoisationTests
{
    private readonly InputQuery<string, int> _number = new("number");

    [Fact]
    public void Second_get_returns_the_memo_without_running_the_function()
    {
        var runs = new Counter();
        var doubled = new DerivedQuery<string, int>("doubled", (ctx, key) => runs.Tick(ctx.Get(_number, key) * 2));
        var db = new Database();
        db.Set(_number, "a", 21);

        Assert.Equal(42, db.Get(doubled, "a"));
        Assert.Equal(42, db.Get(doubled, "a"));

        Assert.Equal(1, runs.Count);
        var counters = db.Statistics.For(doubled);
        Assert.Equal(1, counters.Executions);
        Assert.Equal(1, counters.Hits);
    }

    [Fact]
    public void Each_key_has_its_own_memo()
    {
        var runs = new Counter();
        var doubled = new DerivedQuery<string, int>("doubled", (ctx, key) => runs.Tick(ctx.Get(_number, key) * 2));
        var db = new Database();
        db.Set(_number, "a", 1);
        db.Set(_number, "b", 2);

        Assert.Equal(2, db.Get(doubled, "a"));
        Assert.Equal(4, db.Get(doubled, "b"));
        Assert.Equal(2, db.Get(doubled, "a"));
        Assert.Equal(4, db.Get(doubled, "b"));

        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public void Setting_another_key_of_the_same_input_does_not_rerun_readers_of_the_first()
    {
        var runs = new Counter();
        var doubled = new DerivedQuery<string, int>("doubled", (ctx, key) => runs.Tick(ctx.Get(_number, key) * 2));
        var db = new Database();
        db.Set(_number, "a", 1);
        db.Set(_number, "b", 2);
        Assert.Equal(2, db.Get(doubled, "a"));

        db.Set(_number, "b", 3);

        Assert.Equal(2, db.Get(doubled, "a"));
        Assert.Equal(1, runs.Count);
        // Verified by walking its one dependency, which had not changed.
        Assert.Equal(1, db.Statistics.For(doubled).DeepVerifications);
    }

    [Fact]
    public void Reading_an_input_from_outside_returns_what_was_set()
    {
        var db = new Database();
        db.Set(_number, "a", 7);
        Assert.Equal(7, db.Get(_number, "a"));
    }
}
