namespace LayoutExpert.Incremental.Tests;

public sealed class DependencyTests
{
    private readonly InputQuery<string, string?> _option = new("config-option", _ => null);
    private readonly InputQuery<string, string> _header = new("header");

    [Fact]
    public void Dependencies_are_listed_in_first_read_order_each_once()
    {
        var text = new DerivedQuery<string, string>("text", (ctx, key) => ctx.Get(_header, key));
        var combined = new DerivedQuery<string, string>("combined", (ctx, key) =>
            ctx.Get(_option, "CONFIG_B") + ctx.Get(text, key) + ctx.Get(_option, "CONFIG_A") + ctx.Get(_option, "CONFIG_B") + ctx.Get(text, key));
        var db = new Database();
        db.Set(_header, "a.h", "!");
        db.Set(_option, "CONFIG_A", "y");

        Assert.Equal("!y!", db.Get(combined, "a.h"));

        Assert.Equal(
            ["config-option(\"CONFIG_B\")", "text(\"a.h\")", "config-option(\"CONFIG_A\")"],
            db.GetDependencies(combined, "a.h").Select(key => key.ToString()));
        Assert.Equal([new QueryKey(_header, "a.h")], db.GetDependencies(text, "a.h").ToArray());
    }

    [Fact]
    public void Walking_dependencies_finds_exactly_the_options_that_decided_a_value()
    {
        // size = CONFIG_64BIT ? (CONFIG_PAE ? 16 : 8) : 4, through a helper query.
        var pointerSize = new DerivedQuery<string, int>("pointer-size", (ctx, _) =>
            ctx.Get(_option, "CONFIG_64BIT") == "y" ? (ctx.Get(_option, "CONFIG_PAE") == "y" ? 16 : 8) : 4);
        var layout = new DerivedQuery<string, int>("layout", (ctx, type) => ctx.Get(pointerSize, "") * (type.Length + ctx.Get(_header, type).Length));
        var db = new Database();
        db.Set(_header, "list_head", "xx");
        db.Set(_option, "CONFIG_64BIT", "n");
        db.Set(_option, "CONFIG_PAE", "y");

        Assert.Equal(4 * 11, db.Get(layout, "list_head"));
        Assert.Equal(["CONFIG_64BIT"], OptionsBehind(db, new QueryKey(layout, "list_head")));

        db.Set(_option, "CONFIG_64BIT", "y");
        Assert.Equal(16 * 11, db.Get(layout, "list_head"));
        Assert.Equal(["CONFIG_64BIT", "CONFIG_PAE"], OptionsBehind(db, new QueryKey(layout, "list_head")));
    }

    [Fact]
    public void Asking_for_the_dependencies_of_a_missing_memo_is_an_error()
    {
        var text = new DerivedQuery<string, string>("text", (ctx, key) => ctx.Get(_header, key));
        var db = new Database();

        Assert.Throws<QueryUsageException>(() => db.GetDependencies(text, "never-fetched.h"));
    }

    private List<string> OptionsBehind(Database db, QueryKey root)
    {
        var options = new List<string>();
        var seen = new HashSet<QueryKey>();
        Visit(root);
        return options;

        void Visit(QueryKey key)
        {
            if (!seen.Add(key)) return;
            if (key.Query == _option) options.Add((string)key.Key);
            foreach (var dependency in db.GetDependencies(key)) Visit(dependency);
        }
    }
}
