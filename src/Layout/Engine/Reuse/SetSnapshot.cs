using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// What one <see cref="LayoutSetBuilder"/> run was given (every definition of
/// the table and every root) and what it answered. The builder's answer is a
/// function of exactly these, the target and the options (the memory holding
/// the snapshot is of one target and one set of options), so a later run given
/// equal inputs takes the answer whole: a config flipped back binds the same
/// definitions again. Definitions and root types are compared by reference
/// first (binding hands back the very objects it made before), then
/// structurally; a difference anywhere is a miss and the set is built as usual.
/// </summary>
internal sealed class SetSnapshot(
    TypeTable table,
    KeyValuePair<string, CType>[] roots,
    (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, LayoutSetBuilder.Names Names) answer) : Remembered
{
    private readonly SnapshotEntries<RecordId, RecordDefinition> records = new(table.Records, r => r.Id);
    private readonly SnapshotEntries<EnumId, EnumDefinition> enums = new(table.Enums, e => e.Id);
    private readonly ImmutableDictionary<string, TypedefType> typedefs = table.Typedefs;

    public (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, LayoutSetBuilder.Names Names) Answer { get; } = answer;

    /// <summary>Whether <paramref name="now"/> and <paramref name="nowRoots"/> are the inputs this snapshot was taken of.</summary>
    public bool Matches(TypeTable now, IReadOnlyList<KeyValuePair<string, CType>> nowRoots)
    {
        // Counts first: a config never seen mostly differs in them, and then no lookup is made at all.
        if (now.Typedefs.Count != typedefs.Count || nowRoots.Count != roots.Length
            || now.Records.Count != records.Count || now.Enums.Count != enums.Count) return false;
        for (var i = 0; i < roots.Length; i++)
        {
            if (!string.Equals(nowRoots[i].Key, roots[i].Key, StringComparison.Ordinal) || !Same(nowRoots[i].Value, roots[i].Value)) return false;
        }
        if (!records.SamePairs(now.Records) || !enums.SamePairs(now.Enums)) return false;
        // Equal counts and every entry of now found equal here: the same key sets, the same values.
        if (ReferenceEquals(now.Typedefs, typedefs)) return true;
        foreach (var (name, typedef) in now.Typedefs)
        {
            if (!typedefs.TryGetValue(name, out var then) || !Same(typedef, then)) return false;
        }
        return true;
    }

    private static bool Same<T>(T now, T then) where T : class => ReferenceEquals(now, then) || now.Equals(then);
}
