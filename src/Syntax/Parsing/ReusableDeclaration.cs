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
    /// <summary>The tokens read are <c>_tokens[_offset..(_offset + _length)]</c>: an array of their own, or a stretch of their block's.</summary>
    private GreenToken[] _tokens = tokens;
    private int _offset;
    private readonly int _length = tokens.Length;

    public GreenNode Node { get; } = node;

    /// <summary>The tokens read, compared by reference; the first <see cref="Consumed"/> are the node's.</summary>
    public ReadOnlySpan<GreenToken> Tokens => _tokens.AsSpan(_offset, _length);

    public int Consumed { get; } = consumed;

    public FileScopeFact[] Preconditions { get; } = preconditions;

    public FileScopeEffect[] Effects { get; } = effects;

    /// <summary>The declaration that followed this one in the parse that last used it: the first guess for what follows next time.</summary>
    public ReusableDeclaration? Successor { get; set; }

    /// <summary>What <see cref="Key"/> is before the entry is added.</summary>
    public const long NoKey = -1;

    /// <summary>The lookup key (hash of the first tokens and their count), computed once when first added.</summary>
    public long Key { get; set; } = NoKey;

    /// <summary>The next entry under the same lookup key.</summary>
    public ReusableDeclaration? NextWithSameKey { get; set; }

    /// <summary>The number of the last parse that produced it or reused it on its own (not as part of a block).</summary>
    public int LastUsed { get; set; }

    /// <summary>Where its first token was in the input of parse <see cref="LastUsed"/>.</summary>
    public int LastStart { get; set; }

    /// <summary>Blocks that start with this declaration, newest first (at most <see cref="ReusableDeclarations.BlocksPerDeclaration"/>).</summary>
    public List<ReusableBlock>? Blocks { get; set; }

    /// <summary>Set when a trim dropped it (whoever still points at it lets go).</summary>
    public bool Dropped { get; set; }

    /// <summary>How many kept blocks hold it: while any does, it is kept.</summary>
    public int Owners { get; set; }

    /// <summary>Keeps the tokens as a stretch of <paramref name="array"/> from <paramref name="offset"/> (the same objects): one array per block instead of one each.</summary>
    public void ShareTokens(GreenToken[] array, int offset)
    {
        _tokens = array;
        _offset = offset;
    }
}
