namespace LayoutExpert.Incremental.Tests;

public sealed class DurabilityTests
{
    private readonly InputQuery<string, string> _header = new("header");
    private readonly InputQuery<string, bool> _option = new("option");

    [Fact]
    public void Changing_a_low_input_verifies_high_only_memos_without_walking_them()
    {
        var runs = new Counter();
        var length = new DerivedQuery<string, int>("length", (ctx, key) => runs.Tick(ctx.Get(_header, key).Length));
        var total = new DerivedQuery<string, int>("total", (ctx, _) => ctx.Get(length, "a.h") + ctx.Get(length, "b.h"));
        var enabled = new DerivedQuery<string, bool>("enabled", (ctx, key) => ctx.Get(_option, key));
        var db = new Database();
        db.Set(_header, "a.h", "struct a;", Durability.High);
        db.Set(_header, "b.h", "struct bb;", Durability.High);
        db.Set(_option, "CONFIG_X", true, Durability.Low);
        Assert.Equal(19, db.Get(total, "all"));
        Assert.True(db.Get(enabled, "CONFIG_X"));

        db.Set(_option, "CONFIG_X", false, Durability.Low);

        Assert.Equal(19, db.Get(total, "all"));
        Assert.False(db.Get(enabled, "CONFIG_X"));
        Assert.Equal(2, runs.Count);
        // The top memo was verified in O(1); its dependencies were not even visited.
        Assert.Equal(new QueryCounters(1, 0, 0, 1, 0), db.Statistics.For(total));
        Assert.Equal(new QueryCounters(2, 0, 0, 0, 0), db.Statistics.For(length));
        Assert.Equal(1, db.Statistics.For(enabled).DeepVerifications);
    }

    [Fact]
    public void Changing_a_high_input_walks_high_memos()
    {
        var runs = new Counter();
        var length = new DerivedQuery<string, int>("length", (ctx, key) => runs.Tick(ctx.Get(_header, key).Length));
        var total = new DerivedQuery<string, int>("total", (ctx, _) => ctx.Get(length, "a.h") + ctx.Get(length, "b.h"));
        var db = new Database();
        db.Set(_header, "a.h", "struct a;", Durability.High);
        db.Set(_header, "b.h", "struct bb;", Durability.High);
        Assert.Equal(19, db.Get(total, "all"));

        db.Set(_header, "b.h", "struct b;", Durability.High);

        Assert.Equal(18, db.Get(total, "all"));
        Assert.Equal(3, runs.Count);
        Assert.Equal(1, db.Statistics.For(total).DeepVerifications);
        Assert.Equal(0, db.Statistics.For(total).ShortcutVerifications);
    }

    [Fact]
    public void A_memo_has_the_lowest_durability_of_what_it_read()
    {
        var onlyHeaders = new DerivedQuery<string, int>("only-headers", (ctx, key) => ctx.Get(_header, key).Length);
        var mixed = new DerivedQuery<string, int>("mixed", (ctx, key) => ctx.Get(onlyHeaders, key) + (ctx.Get(_option, "CONFIG_X") ? 1 : 0));
        var constant = new DerivedQuery<string, int>("constant", (_, _) => 42);
        var db = new Database();
        db.Set(_header, "a.h", "x", Durability.High);
        db.Set(_option, "CONFIG_X", true, Durability.Low);

        db.Get(mixed, "a.h");
        db.Get(constant, "");

        Assert.Equal(Durability.High, Inspect(db, onlyHeaders, "a.h").Durability);
        Assert.Equal(Durability.Low, Inspect(db, mixed, "a.h").Durability);
        Assert.Equal(Durability.High, Inspect(db, constant, "").Durability);
    }

    [Fact]
    public void Lowering_an_inputs_durability_keeps_later_changes_visible()
    {
        // If the durability change were silently absorbed, the reader would keep durability High
        // and skip the later Low change.
        var db = new Database();
        var reader = new DerivedQuery<string, string>("reader", (ctx, key) => ctx.Get(_header, key));
        db.Set(_header, "a.h", "one", Durability.High);
        Assert.Equal("one", db.Get(reader, "a.h"));

        db.Set(_header, "a.h", "one", Durability.Low);
        Assert.Equal("one", db.Get(reader, "a.h"));
        db.Set(_header, "a.h", "two", Durability.Low);

        Assert.Equal("two", db.Get(reader, "a.h"));
        Assert.True(db.TryInspect(new QueryKey(_header, "a.h"), out var input));
        Assert.Equal(Durability.Low, input.Durability);
    }

    [Fact]
    public void An_equal_value_read_through_a_less_durable_input_is_not_backdated()
    {
        // middle = selector == 0 ? 0 : option. It first reads only High inputs, then (still 0)
        // reads a Low one. Backdating that re-run would leave the reader believing it depends
        // only on High inputs, and the later Low change would never reach it.
        var selector = new InputQuery<string, int>("selector");
        var number = new InputQuery<string, int>("number");
        var middle = new DerivedQuery<string, int>("middle", (ctx, key) => ctx.Get(selector, key) == 0 ? 0 : ctx.Get(number, key));
        var reader = new DerivedQuery<string, int>("reader", (ctx, key) => ctx.Get(middle, key) + 1000);
        var db = new Database();
        db.Set(selector, "k", 0, Durability.High);
        db.Set(number, "k", 0, Durability.Low);
        Assert.Equal(1000, db.Get(reader, "k"));

        db.Set(selector, "k", 1, Durability.High);
        Assert.Equal(1000, db.Get(reader, "k"));
        db.Set(number, "k", 5, Durability.Low);

        Assert.Equal(1005, db.Get(reader, "k"));
        Assert.Equal(0, db.Statistics.For(middle).Backdates);
    }

    private static MemoInfo Inspect<TKey, TValue>(Database db, DerivedQuery<TKey, TValue> query, TKey key) where TKey : notnull
    {
        Assert.True(db.TryInspect(new QueryKey(query, key), out var info));
        return info;
    }
}
