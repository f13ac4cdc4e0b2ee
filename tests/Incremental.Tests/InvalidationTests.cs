namespace LayoutExpert.Incremental.Tests;

public sealed class InvalidationTests
{
    private readonly InputQuery<string, int> _number = new("number");

    [Fact]
    public void A_change_flows_through_a_chain_of_queries()
    {
        var runs = new Counter();
        var plusOne = new DerivedQuery<string, int>("plus-one", (ctx, key) => runs.Tick(ctx.Get(_number, key) + 1));
        var twice = new DerivedQuery<string, int>("twice", (ctx, key) => runs.Tick(ctx.Get(plusOne, key) * 2));
        var minusThree = new DerivedQuery<string, int>("minus-three", (ctx, key) => runs.Tick(ctx.Get(twice, key) - 3));
        var db = new Database();

        db.Set(_number, "x", 1);
        Assert.Equal(1, db.Get(minusThree, "x"));
        db.Set(_number, "x", 5);
        Assert.Equal(9, db.Get(minusThree, "x"));

        Assert.Equal(6, runs.Count);
        Assert.Equal(6, db.Statistics.Total.Executions);
    }

    [Fact]
    public void An_equal_intermediate_value_stops_propagation()
    {
        var topRuns = new Counter();
        var parity = new DerivedQuery<string, int>("parity", (ctx, key) => ctx.Get(_number, key) % 2);
        var top = new DerivedQuery<string, string>("top", (ctx, key) => topRuns.Tick(ctx.Get(parity, key) == 0 ? "even" : "odd"));
        var db = new Database();

        db.Set(_number, "x", 2);
        Assert.Equal("even", db.Get(top, "x"));
        db.Set(_number, "x", 4);
        Assert.Equal("even", db.Get(top, "x"));

        Assert.Equal(1, topRuns.Count);
        Assert.Equal(2, db.Statistics.For(parity).Executions);
        Assert.Equal(1, db.Statistics.For(parity).Backdates);

        db.Set(_number, "x", 7);
        Assert.Equal("odd", db.Get(top, "x"));
        Assert.Equal(2, topRuns.Count);
    }

    [Fact]
    public void Setting_an_equal_value_is_a_no_op()
    {
        var runs = new Counter();
        var doubled = new DerivedQuery<string, int>("doubled", (ctx, key) => runs.Tick(ctx.Get(_number, key) * 2));
        var db = new Database();
        db.Set(_number, "x", 3);
        Assert.Equal(6, db.Get(doubled, "x"));
        var before = db.CurrentRevision;

        db.Set(_number, "x", 3);

        Assert.Equal(before, db.CurrentRevision);
        Assert.Equal(6, db.Get(doubled, "x"));
        Assert.Equal(1, runs.Count);
        var counters = db.Statistics.For(doubled);
        Assert.Equal(0, counters.DeepVerifications + counters.ShortcutVerifications);
    }

    [Fact]
    public void Setting_an_equal_value_under_a_custom_comparer_is_a_no_op()
    {
        var name = new InputQuery<int, string>("name", valueComparer: StringComparer.OrdinalIgnoreCase);
        var db = new Database();
        db.Set(name, 1, "Foo");
        var before = db.CurrentRevision;

        db.Set(name, 1, "FOO");

        Assert.Equal(before, db.CurrentRevision);
        Assert.Equal("Foo", db.Get(name, 1));
    }

    [Fact]
    public void Verification_stops_at_the_first_changed_dependency()
    {
        // pick = flag ? left : right. When flag flips, left must not be recomputed even though
        // its own input changed too: the re-run no longer reads it. Left throws for negative
        // inputs, so recomputing it would make the fetch fail.
        var flag = new InputQuery<string, bool>("flag");
        var leftRuns = new Counter();
        var left = new DerivedQuery<string, int>("left", (ctx, key) =>
            leftRuns.Tick(ctx.Get(_number, "left") is var n && n >= 0 ? n * 10 : throw new InvalidOperationException("negative")));
        var right = new DerivedQuery<string, int>("right", (ctx, key) => ctx.Get(_number, "right") * 100);
        var pick = new DerivedQuery<string, int>("pick", (ctx, key) => ctx.Get(flag, key) ? ctx.Get(left, key) : ctx.Get(right, key));
        var db = new Database();
        db.Set(flag, "k", true);
        db.Set(_number, "left", 1);
        db.Set(_number, "right", 2);
        Assert.Equal(10, db.Get(pick, "k"));
        Assert.Equal([new QueryKey(flag, "k"), new QueryKey(left, "k")], db.GetDependencies(pick, "k").ToArray());

        db.Set(flag, "k", false);
        db.Set(_number, "left", -1);

        Assert.Equal(200, db.Get(pick, "k"));
        Assert.Equal(1, leftRuns.Count);
        Assert.Equal([new QueryKey(flag, "k"), new QueryKey(right, "k")], db.GetDependencies(pick, "k").ToArray());
    }

    [Fact]
    public void A_failing_function_memoises_nothing_and_is_retried()
    {
        var runs = new Counter();
        var checkedRoot = new DerivedQuery<string, int>("checked-root", (ctx, key) =>
        {
            runs.Tick(0);
            var n = ctx.Get(_number, key);
            return n >= 0 ? (int)Math.Sqrt(n) : throw new ArgumentOutOfRangeException(key);
        });
        var db = new Database();
        db.Set(_number, "x", 16);
        Assert.Equal(4, db.Get(checkedRoot, "x"));

        db.Set(_number, "x", -1);
        Assert.Throws<ArgumentOutOfRangeException>(() => db.Get(checkedRoot, "x"));
        Assert.Throws<ArgumentOutOfRangeException>(() => db.Get(checkedRoot, "x"));

        db.Set(_number, "x", 9);
        Assert.Equal(3, db.Get(checkedRoot, "x"));
        Assert.Equal(3, db.Get(checkedRoot, "x"));
        Assert.Equal(4, runs.Count);
    }
}
