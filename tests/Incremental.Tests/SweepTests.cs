namespace LayoutExpert.Incremental.Tests;

public sealed class SweepTests
{
    private readonly InputQuery<string, int> _option = new("option");
    private readonly InputQuery<string, string> _header = new("header");

    [Fact]
    public void Dropping_what_a_config_did_not_touch_bounds_the_memos_and_keeps_results_right()
    {
        // Each "config" sets the option and asks for its own 50 keys plus 10 shared ones.
        var scaled = new DerivedQuery<string, int>("scaled", (ctx, key) => ctx.Get(_option, "CONFIG_SCALE") * key.Length);
        var shared = new DerivedQuery<int, int>("shared", (ctx, i) => ctx.Get(scaled, new string('s', i + 1)) + i);
        var db = new Database();
        var largest = 0;

        for (var config = 1; config <= 20; config++)
        {
            db.Set(_option, "CONFIG_SCALE", config);
            var start = db.CurrentRevision;
            for (var i = 0; i < 50; i++)
            {
                var key = $"config{config}-key{i}";
                Assert.Equal(config * key.Length, db.Get(scaled, key));
            }
            for (var i = 0; i < 10; i++) Assert.Equal(config * (i + 1) + i, db.Get(shared, i));

            largest = Math.Max(largest, db.MemoCount);
            db.DropMemosNotVerifiedSince(start);
            Assert.Equal(50 + 10 + 10, db.MemoCount);
        }

        Assert.Equal(50 + 10 + 10 + 50, largest);
    }

    [Fact]
    public void A_reader_whose_dependency_was_dropped_still_sees_changes()
    {
        // The top memo is verified in O(1) (only High inputs) when a Low input changes, so its
        // dependency keeps the older verified-at and is dropped while the top memo stays.
        var topRuns = new Counter();
        var length = new DerivedQuery<string, int>("length", (ctx, key) => ctx.Get(_header, key).Length);
        var top = new DerivedQuery<string, int>("top", (ctx, key) => topRuns.Tick(ctx.Get(length, key) * 10));
        var db = new Database();
        db.Set(_header, "a.h", "abc", Durability.High);
        db.Set(_header, "b.h", "xyz", Durability.High);
        db.Set(_option, "CONFIG_X", 1, Durability.Low);
        Assert.Equal(30, db.Get(top, "a.h"));

        db.Set(_option, "CONFIG_X", 2, Durability.Low);
        Assert.Equal(30, db.Get(top, "a.h"));
        Assert.Equal(1, db.DropMemosNotVerifiedSince(db.CurrentRevision));
        Assert.False(db.TryInspect(new QueryKey(length, "a.h"), out _));

        // An unrelated High change: the dropped memo is recomputed to the same value with its old
        // changed-at, so the top memo is not re-run.
        db.Set(_header, "b.h", "xy", Durability.High);
        Assert.Equal(30, db.Get(top, "a.h"));
        Assert.Equal(1, topRuns.Count);
        Assert.True(db.TryInspect(new QueryKey(length, "a.h"), out _)); // recomputed into the table, not beside it
        Assert.Equal(2, db.MemoCount);

        db.Set(_header, "a.h", "abcd", Durability.High);
        Assert.Equal(40, db.Get(top, "a.h"));
        Assert.Equal(2, topRuns.Count);
    }

    [Fact]
    public void Dropping_everything_then_fetching_recomputes_the_same_values()
    {
        var runs = new Counter();
        var length = new DerivedQuery<string, int>("length", (ctx, key) => runs.Tick(ctx.Get(_header, key).Length));
        var db = new Database();
        db.Set(_header, "a.h", "abc", Durability.High);
        Assert.Equal(3, db.Get(length, "a.h"));

        Assert.Equal(1, db.DropMemosNotVerifiedSince(new Revision(db.CurrentRevision.Number + 1)));
        Assert.Equal(0, db.MemoCount);

        Assert.Equal(3, db.Get(length, "a.h"));
        Assert.Equal(2, runs.Count);
        Assert.Equal("abc", db.Get(_header, "a.h"));
    }
}
