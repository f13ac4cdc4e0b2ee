using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Tests.Green;

/// <summary>What the cache makes one object, and what it does not.</summary>
public class GreenNodeCacheTests
{
    [Fact]
    public void A_span_and_the_equal_string_intern_to_one_instance()
    {
        var cache = new GreenNodeCache();
        var words = Enumerable.Range(0, 5000).Select(i => "name" + i).ToArray();
        var fromSpans = words.Select(w => cache.Intern(("<" + w + ">").AsSpan(1, w.Length))).ToArray();
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Same(fromSpans[i], cache.Intern(new string(words[i].AsSpan())));
        }
    }

    [Fact]
    public void Recurring_tokens_of_equal_text_are_one_object_whatever_their_length()
    {
        var cache = new GreenNodeCache();
        var space = cache.Trivia(SyntaxKind.WhitespaceTrivia, " ");
        var longText = "\"" + new string('x', 200) + "\"";
        foreach (var text in new[] { "foo", longText })
        {
            // Two string objects with the same characters, as two preprocessing runs would give.
            var first = cache.RecurringToken(SyntaxKind.IdentifierToken, new string(text.AsSpan()), space, null);
            var second = cache.RecurringToken(SyntaxKind.IdentifierToken, new string(text.AsSpan()), space, null);
            Assert.Same(first, second);
            Assert.NotSame(first, cache.RecurringToken(SyntaxKind.IdentifierToken, text, null, null));
            Assert.Equal(" " + text, first.ToFullString());
        }
    }

    [Fact]
    public void Nodes_over_children_the_cache_did_not_make_are_not_shared()
    {
        var cache = new GreenNodeCache();
        var token = cache.Token(SyntaxKind.IdentifierToken, cache.Intern("a"), null, null);
        Assert.Same(cache.Node(SyntaxKind.IdentifierName, [token]), cache.Node(SyntaxKind.IdentifierName, [token]));
        var uncached = new GreenToken(SyntaxKind.IdentifierToken, "a", null, null);
        Assert.NotSame(cache.Node(SyntaxKind.IdentifierName, [uncached]), cache.Node(SyntaxKind.IdentifierName, [uncached]));
    }
}
