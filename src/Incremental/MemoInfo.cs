using System.Collections.Immutable;

namespace LayoutExpert.Incremental;

/// <summary>What a database knows about one memo (or input), for tools such as <c>explain</c>.</summary>
/// <param name="Key">The memo or input.</param>
/// <param name="VerifiedAt">Last revision the value was known current (for inputs: the current revision).</param>
/// <param name="ChangedAt">Last revision the value changed; older than the last run when early cutoff applied.</param>
/// <param name="Durability">For inputs, as set; for memos, the minimum over what the last run read.</param>
/// <param name="Dependencies">
/// What the last run read, in first-read order, each once; empty for inputs. May be stale when
/// <paramref name="VerifiedAt"/> is older than the current revision: fetch the memo first.
/// </param>
public sealed record MemoInfo(
    QueryKey Key,
    Revision VerifiedAt,
    Revision ChangedAt,
    Durability Durability,
    ImmutableArray<QueryKey> Dependencies);
