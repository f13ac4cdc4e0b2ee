namespace LayoutExpert.Incremental.Tests;

public sealed class CycleTests
{
    [Fact]
    public void A_query_reading_itself_is_reported()
    {
        DerivedQuery<string, int>? self = null;
        self = new DerivedQuery<string, int>("self", (ctx, key) => ctx.Get(self!, key) + 1);
        var db = new Database();

        var error = Assert.Throws<QueryCycleException>(() => db.Get(self, "k"));

        Assert.Equal([new QueryKey(self, "k")], error.Cycle.ToArray());
        Assert.Equal("Query cycle: self(\"k\") -> self(\"k\")", error.Message);
    }

    [Fact]
    public void An_indirect_cycle_lists_every_query_in_order()
    {
        DerivedQuery<int, int>? c = null;
        var a = new DerivedQuery<string, int>("a", (ctx, key) => ctx.Get(c!, key.Length));
        var b = new DerivedQuery<int, int>("b", (ctx, key) => ctx.Get(a, new string('x', key)));
        c = new DerivedQuery<int, int>("c", (ctx, key) => ctx.Get(b, key));
        var entry = new DerivedQuery<int, int>("entry", (ctx, key) => ctx.Get(b, key));
        var db = new Database();

        var error = Assert.Throws<QueryCycleException>(() => db.Get(entry, 2));

        // entry(2) is outside the cycle: it only leads into it.
        Assert.Equal([new QueryKey(b, 2), new QueryKey(a, "xx"), new QueryKey(c, 2)], error.Cycle.ToArray());
        Assert.Equal("Query cycle: b(2) -> a(\"xx\") -> c(2) -> b(2)", error.Message);
    }

    [Fact]
    public void A_cycle_that_appears_after_an_input_change_is_reported_and_the_database_stays_usable()
    {
        var flag = new InputQuery<string, bool>("flag");
        DerivedQuery<string, int>? b = null;
        var a = new DerivedQuery<string, int>("a", (ctx, key) => ctx.Get(flag, key) ? ctx.Get(b!, key) : 1);
        b = new DerivedQuery<string, int>("b", (ctx, key) => ctx.Get(a, key) + 1);
        var db = new Database();
        db.Set(flag, "k", false);
        Assert.Equal(2, db.Get(b, "k"));

        db.Set(flag, "k", true);
        var error = Assert.Throws<QueryCycleException>(() => db.Get(b, "k"));
        Assert.Equal(["b", "a"], error.Cycle.Select(key => key.QueryName));

        db.Set(flag, "k", false);
        Assert.Equal(2, db.Get(b, "k"));
        Assert.Equal(1, db.Get(a, "k"));
    }

    [Fact]
    public void Deep_but_acyclic_chains_work()
    {
        DerivedQuery<int, long>? sum = null;
        sum = new DerivedQuery<int, long>("sum", (ctx, n) => n == 0 ? 0 : n + ctx.Get(sum!, n - 1));
        var db = new Database();

        Assert.Equal(2000L * 2001 / 2, db.Get(sum, 2000));
    }

    [Fact]
    public void Nesting_that_would_overflow_the_stack_fails_cleanly()
    {
        // On a small stack, so the overflow comes quickly and unwinding it stays cheap.
        DerivedQuery<int, long>? sum = null;
        sum = new DerivedQuery<int, long>("sum", (ctx, n) => n == 0 ? 0 : n + ctx.Get(sum!, n - 1));
        var db = new Database();
        Exception? thrown = null;
        var thread = new Thread(() => thrown = Record.Exception(() => db.Get(sum, 10_000_000)), maxStackSize: 512 * 1024);

        thread.Start();
        thread.Join();

        var error = Assert.IsType<QueryTooDeepException>(thrown);
        Assert.True(error.Depth > 100, $"depth {error.Depth}");
        Assert.Equal(new QueryKey(sum, 10_000_000 - error.Depth), error.Innermost);
        Assert.Equal(10L * 11 / 2, db.Get(sum, 10));
    }
}
