using System.Collections.Immutable;

namespace LayoutExpert.Syntax.Parsing;

/// <summary>How to parse: the typedef names visible before the first token, and the nesting limit.</summary>
public sealed record CParserOptions
{
    public static CParserOptions Default { get; } = new();

    /// <summary>Names that are typedef names at file scope before any declaration (gcc's built-in ones by default).</summary>
    public ImmutableArray<string> PredefinedTypedefNames { get; init; } = [.. CSyntaxFacts.PredefinedTypedefNames];

    /// <summary>
    /// Deepest nesting of parentheses, declarators, initializers and the like
    /// before the parser gives up on a construct with a diagnostic instead of
    /// overflowing the stack. Left-nested chains (a+b+c..., a[1][2]...) count
    /// one level per <see cref="ChainNodesPerLevel"/> nodes, so trees stay shallow
    /// enough for recursive walks.
    /// </summary>
    public int MaxNesting { get; init; } = 256;

    public const int ChainNodesPerLevel = 8;
}
