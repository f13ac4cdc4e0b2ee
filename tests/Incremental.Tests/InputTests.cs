namespace LayoutExpert.Incremental.Tests;

public sealed class InputTests
{
    private readonly InputQuery<string, int> _number = new("number");

    [Fact]
    public void Reading_a_never_set_input_names_it()
    {
        var db = new Database();

        var error = Assert.Throws<InputNotSetException>(() => db.Get(_number, "CONFIG_NR_CPUS"));

        Assert.Equal(new QueryKey(_number, "CONFIG_NR_CPUS"), error.Input);
        Assert.Contains("number(\"CONFIG_NR_CPUS\")", error.Message);
    }

    [Fact]
    public void A_declared_default_is_read_and_a_later_set_invalidates_its_readers()
    {
        var option = new InputQuery<string, string?>("config-option", _ => null);
        var isSet = new DerivedQuery<string, bool>("is-set", (ctx, key) => ctx.Get(option, key) is not null);
        var db = new Database();
        Assert.False(db.Get(isSet, "CONFIG_X"));

        db.Set(option, "CONFIG_X", "y");

        Assert.True(db.Get(isSet, "CONFIG_X"));
    }

    [Fact]
    public void A_query_that_catches_the_not_set_error_is_still_invalidated_by_a_later_set()
    {
        var orMinusOne = new DerivedQuery<string, int>("or-minus-one", (ctx, key) =>
        {
            try { return ctx.Get(_number, key); }
            catch (InputNotSetException) { return -1; }
        });
        var db = new Database();
        Assert.Equal(-1, db.Get(orMinusOne, "x"));
        Assert.Equal([new QueryKey(_number, "x")], db.GetDependencies(orMinusOne, "x").ToArray());

        db.Set(_number, "x", 5);

        Assert.Equal(5, db.Get(orMinusOne, "x"));
    }

    [Fact]
    public void Setting_a_read_but_never_set_input_to_the_default_of_its_type_is_a_real_set()
    {
        var orMinusOne = new DerivedQuery<string, int>("or-minus-one", (ctx, key) =>
        {
            try { return ctx.Get(_number, key); }
            catch (InputNotSetException) { return -1; }
        });
        var db = new Database();
        Assert.Equal(-1, db.Get(orMinusOne, "x"));

        db.Set(_number, "x", 0, Durability.Low);

        Assert.Equal(0, db.Get(_number, "x"));
        Assert.Equal(0, db.Get(orMinusOne, "x"));
    }

    [Fact]
    public void Setting_an_input_from_inside_a_query_is_refused()
    {
        var db = new Database();
        var meddler = new DerivedQuery<string, int>("meddler", (_, key) =>
        {
            db.Set(_number, key, 1);
            return 0;
        });

        Assert.Throws<QueryUsageException>(() => db.Get(meddler, "x"));
        db.Set(_number, "x", 2); // and the database is not left busy
        Assert.Equal(2, db.Get(_number, "x"));
    }

    [Fact]
    public void Two_different_queries_with_one_name_are_refused()
    {
        var db = new Database();
        db.Set(_number, "x", 1);
        var impostor = new InputQuery<string, int>("number");

        Assert.Throws<QueryUsageException>(() => db.Set(impostor, "x", 2));
    }

    [Fact]
    public void Unknown_durability_is_refused()
    {
        var db = new Database();
        Assert.Throws<QueryUsageException>(() => db.Set(_number, "x", 1, (Durability)7));
    }
}
