using LayoutExpert.Preprocessing.Macros;

namespace LayoutExpert.Preprocessing.Tests.Macros;

/// <summary>
/// MacroNames.Lookup keeps recent answers by string object: a name that was
/// not numbered, looked up again after something numbered it, must get its
/// number (a kept "-1" would make a defined macro look undefined), and equal
/// strings that are different objects get the same answers.
/// </summary>
public class MacroNamesTests
{
    [Fact]
    public void A_plain_name_numbered_after_a_lookup_is_found_by_the_next_lookup()
    {
        var names = new MacroNames();
        var name = new string("page_to_nid".AsSpan());
        Assert.Equal(-1, names.Lookup(name));
        Assert.Equal(-1, names.Lookup(name));
        var id = names.IdOf("page_to_nid");
        Assert.Equal(id, names.Lookup(name));
        Assert.Equal(id, names.Lookup(new string("page_to_nid".AsSpan())));
    }

    [Fact]
    public void Options_and_synthetic_names_are_numbered_when_first_looked_up()
    {
        var names = new MacroNames();
        var option = names.Lookup("CONFIG_MEMCG");
        Assert.True(option >= 0);
        Assert.True(names.IsConfig(option));
        Assert.Equal(option, names.Lookup(new string("CONFIG_MEMCG".AsSpan())));
        Assert.Equal(-1, names.Lookup("memcg"));
    }

    [Fact]
    public void Many_names_sharing_the_recent_answers_keep_their_own_numbers()
    {
        var names = new MacroNames();
        var texts = Enumerable.Range(0, 20_000).Select(i => $"N{i}").ToArray();
        foreach (var text in texts.Where((_, i) => i % 2 == 0)) names.IdOf(text);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(i % 2 == 0 ? names.IdOf(texts[i]) : -1, names.Lookup(texts[i]));
            }
        }
    }
}
