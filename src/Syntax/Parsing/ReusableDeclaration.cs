using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>
/// One external declaration as an earlier parse produced it: the green node,
/// the input tokens its parse read (those it consumed, then any it only looked
/// at), and what it depended on and did at file scope. It may stand in for a
/// fresh parse wherever the next input tokens are these very objects and every
/// precondition holds.
/// </summary>
internal sealed class ReusableDeclaration(
    GreenNode node, GreenToken[] tokens, int consumed, FileScopeFact[] preconditions, FileScopeEffect[] effects)
{
    public GreenNode Node { get; } = node;

    /// <summary>The tokens read, compared by reference; the first <see cref="Consumed"/> are the node's.</summary>
    public GreenToken[] Tokens { get; } = tokens;

    public int Consumed { get; } = consumed;

    public FileScopeFact[] Preconditions { get; } = preconditions;

    public FileScopeEffect[] Effects { get; } = effects;

    /// <summary>The declaration that followed this one in the parse that last used it: the first guess for what follows next time.</summary>
    public ReusableDeclaration? Successor { get; set; }

    /// <summary>The next entry under the same lookup key.</summary>
    public ReusableDeclaration? NextWithSameKey { get; set; }

    /// <summary>The number of the last parse that produced or reused it.</summary>
    public int LastUsed { get; set; }

    /// <summary>True when the input holds this declaration's tokens from <paramref name="start"/>.</summary>
    public bool TokensMatch(GreenToken[] input, int start)
    {
        var tokens = Tokens;
        if (start + tokens.Length > input.Length) return false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!ReferenceEquals(tokens[i], input[start + i])) return false;
        }
        return true;
    }
}
