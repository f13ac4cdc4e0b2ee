using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// Every record and enum the last set build mapped, for the next build to take
/// the models of those nothing they read changed in, without asking the engine
/// or checking a remembered model (issue 6: a first visit to a config changes
/// a few dozen of 2,500 records). A record's model is a function of its
/// definition, the layouts (facts) of the records and enums it holds by value,
/// and the models of the anonymous records it names (<see cref="MappingDependencies"/>);
/// an enum's of its definition. So a record is taken when the engine's
/// definition is the one it was mapped from (by reference first: a replayed
/// bind hands back the very object) and, recursively, every record it reads is
/// taken too. Verdicts are memoised per build; one met again while its own
/// verdict is being made (a cycle) is not taken, so a "taken" never rests on
/// an unfinished verdict. Such a cycle is a recursive type, which a build
/// reports as an issue, and a build with issues keeps no delta: results that
/// depend on the order of mapping are never carried.
/// </summary>
internal sealed class SetDelta(Dictionary<RecordId, MappedRecord> records, Dictionary<EnumId, MappedEnum> enums)
{
    /// <summary>Builds are numbered across all deltas: a carried entry's marks must never look like this build's.</summary>
    private static int generations;

    private int generation;
    private ITypeDefinitions definitions = TypeTable.Empty;

    public Dictionary<RecordId, MappedRecord> Records { get; } = records;

    public Dictionary<EnumId, MappedEnum> Enums { get; } = enums;

    /// <summary>The set's dictionaries the build that made this delta made, for the next to patch (<see cref="SetPatch"/>); null if not kept.</summary>
    public SetProducts? Products { get; set; }

    /// <summary>A new build asks, over these definitions: earlier verdicts no longer count.</summary>
    public void Begin(ITypeDefinitions now)
    {
        definitions = now;
        generation = Interlocked.Increment(ref generations);
    }

    /// <summary>The record as last mapped, if what it read is unchanged.</summary>
    public MappedRecord? TakeRecord(RecordId id) =>
        Records.TryGetValue(id, out var entry) && ModelClean(entry) ? entry : null;

    /// <summary>
    /// The record's layout as last mapped, if its definition and everything its layout reads are unchanged
    /// (its layout verdict, <see cref="LayoutClean"/>): what the engine would lay it out as now. Asked by the
    /// engine for the facts of a record held by value by one being mapped again (a dirty record's nest is
    /// mostly clean records, each of which would otherwise be checked against its remembered layouts).
    /// </summary>
    public RecordShape? TakeShape(RecordId id) =>
        Records.TryGetValue(id, out var entry) && entry.Shape is { } shape && LayoutClean(entry) ? shape : null;

    public MappedEnum? TakeEnum(EnumId id) =>
        Enums.TryGetValue(id, out var entry) && EnumClean(entry) ? entry : null;

    private bool ModelClean(MappedRecord entry)
    {
        if (entry.ModelMark == generation) return entry.ModelClean;
        if (entry.ModelMark == -generation) return false;
        entry.ModelMark = -generation;
        var clean = LayoutClean(entry);
        if (clean)
        {
            foreach (var id in entry.Dependencies!.Named)
            {
                if (!Records.TryGetValue(id, out var named) || !ModelClean(named)) { clean = false; break; }
            }
        }
        entry.ModelClean = clean;
        entry.ModelMark = generation;
        return clean;
    }

    private bool LayoutClean(MappedRecord entry)
    {
        if (entry.LayoutMark == generation) return entry.LayoutClean;
        if (entry.LayoutMark == -generation) return false;
        entry.LayoutMark = -generation;
        var clean = SameDefinition(entry);
        if (clean)
        {
            var dependencies = entry.Dependencies ??= MappingDependencies.Of(entry.Definition!);
            foreach (var id in dependencies.ByValue)
            {
                if (!Records.TryGetValue(id, out var held) || !LayoutClean(held)) { clean = false; break; }
            }
            if (clean)
            {
                foreach (var id in dependencies.Enums)
                {
                    if (!Enums.TryGetValue(id, out var @enum) || !EnumClean(@enum)) { clean = false; break; }
                }
            }
        }
        entry.LayoutClean = clean;
        entry.LayoutMark = generation;
        return clean;
    }

    private bool SameDefinition(MappedRecord entry)
    {
        var now = definitions.FindRecord(entry.Id);
        if (ReferenceEquals(now, entry.Definition)) return now is not null;
        if (now is null || entry.Definition is null || !now.Equals(entry.Definition)) return false;
        // Equal: the dependencies (a function of the definition) hold; compare by reference next time.
        entry.Definition = now;
        return true;
    }

    private bool EnumClean(MappedEnum entry)
    {
        if (entry.Mark == generation) return entry.Clean;
        var now = definitions.FindEnum(entry.Id);
        var clean = ReferenceEquals(now, entry.Definition) ? now is not null : now is not null && entry.Definition is not null && now.Equals(entry.Definition);
        if (clean) entry.Definition = now;
        entry.Clean = clean;
        entry.Mark = generation;
        return clean;
    }
}
