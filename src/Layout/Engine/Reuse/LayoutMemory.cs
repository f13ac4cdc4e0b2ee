using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Target;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// The remembered layouts and models of one target and one set of
/// <see cref="LayoutOptions"/> (see <see cref="LayoutReuse"/>). Records and
/// enums are found by id, then checked by definition; each id keeps a few
/// versions (a config flipped back and forth needs both), newest first.
/// </summary>
internal sealed class LayoutMemory(TargetInfo target, LayoutOptions options)
{
    private const int VersionsPerId = 4;

    private readonly Dictionary<RecordId, List<RememberedRecord>> records = [];
    private readonly Dictionary<RecordShape, RememberedRecord> recordsByShape = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<EnumId, List<RememberedEnum>> enums = [];
    private readonly Dictionary<EnumShape, RememberedEnum> enumsByShape = new(ReferenceEqualityComparer.Instance);
    private readonly List<SetSnapshot> sets = [];
    private int run;
    private bool setReused, setPatched;
    private int recordsReused, recordsLaidOut, modelsReused, modelsMapped, enumsReused, enumsLaidOut, carried;

    public TargetInfo Target { get; } = target;

    public LayoutOptions Options { get; } = options;

    /// <summary>
    /// Whether a record's layout depends only on its definition and its members' facts. With the 2025
    /// randstruct plugin a struct's shuffling also reads nested definitions (<see cref="RandstructRule"/>): not remembered then.
    /// </summary>
    public bool RemembersRecords => !(Options.RandstructPlugin && Options.RandstructOpsStructsMayNestRecords);

    /// <summary>The dictionaries of the last layout set built, for the next one to start from.</summary>
    public LayoutSetMemory AllTypes { get; } = new();

    public LayoutReuseStatistics Statistics =>
        new(recordsReused, recordsLaidOut, modelsReused, modelsMapped, enumsReused, enumsLaidOut, setReused, carried, setPatched);

    /// <summary>What the last set build mapped, for the next to take unchanged records and enums from (null after a build with issues).</summary>
    public SetDelta? LastDelta { get; set; }

    public void CountCarried(int count) => carried += count;

    /// <summary>The set's dictionaries were patched from the last build's (<see cref="SetPatch"/>).</summary>
    public void CountPatched() => setPatched = true;

    public void StartRun(int number, int oldestKept)
    {
        run = number;
        recordsReused = recordsLaidOut = modelsReused = modelsMapped = enumsReused = enumsLaidOut = carried = 0;
        setReused = setPatched = false;
        sets.RemoveAll(s => s.LastUsed < oldestKept);
        Trim(records, recordsByShape, r => r.LastUsed < oldestKept, r => r.Result.TryGet(out var s) ? s : null);
        Trim(enums, enumsByShape, e => e.LastUsed < oldestKept, e => e.Shape);
    }

    /// <summary>A remembered layout of <paramref name="definition"/> whose members' facts are those <paramref name="measurer"/> gives now.</summary>
    public LayoutResult<RecordShape>? FindRecord(RecordDefinition definition, TypeMeasurer measurer)
    {
        if (!records.TryGetValue(definition.Id, out var versions)) return null;
        for (var i = 0; i < versions.Count; i++)
        {
            var candidate = versions[i];
            if (!candidate.Matches(definition, measurer)) continue;
            Touch(versions, i);
            recordsReused++;
            return candidate.Result;
        }
        return null;
    }

    public void CountLaidOut() => recordsLaidOut++;

    /// <summary>The answer of an earlier set build given these very inputs (see <see cref="SetSnapshot"/>).</summary>
    public SetSnapshot? FindSet(TypeTable table, IReadOnlyList<KeyValuePair<string, CType>> roots)
    {
        for (var i = 0; i < sets.Count; i++)
        {
            if (!sets[i].Matches(table, roots)) continue;
            Touch(sets, i);
            setReused = true;
            return sets[0];
        }
        return null;
    }

    public void RememberSet(SetSnapshot snapshot)
    {
        snapshot.LastUsed = run;
        sets.Insert(0, snapshot);
        if (sets.Count > VersionsPerId) sets.RemoveAt(sets.Count - 1);
    }

    public void RememberRecord(RecordDefinition definition, LayoutResult<TypeFacts>[] memberFacts, LayoutResult<RecordShape> result)
    {
        var entry = new RememberedRecord(definition, memberFacts, result) { LastUsed = run };
        Add(records, definition.Id, entry, old => { if (old.Result.TryGet(out var s)) recordsByShape.Remove(s); });
        if (result.TryGet(out var shape)) recordsByShape[shape] = entry;
    }

    /// <summary>The entry a remembered layout came from (null for a layout not remembered).</summary>
    public RememberedRecord? RecordOf(RecordShape shape) => recordsByShape.GetValueOrDefault(shape);

    public void CountModel(bool reused)
    {
        if (reused) modelsReused++;
        else modelsMapped++;
    }

    public LayoutResult<EnumShape>? FindEnum(EnumDefinition definition)
    {
        if (!enums.TryGetValue(definition.Id, out var versions)) return null;
        for (var i = 0; i < versions.Count; i++)
        {
            // By reference first: a replayed binding hands back the very definition object.
            if (!ReferenceEquals(versions[i].Definition, definition) && !versions[i].Definition.Equals(definition)) continue;
            var shape = versions[i].Shape;
            Touch(versions, i);
            enumsReused++;
            return LayoutResult<EnumShape>.Ok(shape);
        }
        return null;
    }

    /// <summary>Only enums that have a layout are remembered: a failed one is as quick to fail again.</summary>
    public void RememberEnum(EnumShape shape)
    {
        enumsLaidOut++;
        var entry = new RememberedEnum(shape.Definition, shape) { LastUsed = run };
        Add(enums, shape.Id, entry, old => enumsByShape.Remove(old.Shape));
        enumsByShape[shape] = entry;
    }

    public RememberedEnum? EnumOf(EnumShape shape) => enumsByShape.GetValueOrDefault(shape);

    private void Touch<T>(List<T> versions, int index) where T : Remembered
    {
        var entry = versions[index];
        entry.LastUsed = run;
        if (index == 0) return;
        versions.RemoveAt(index);
        versions.Insert(0, entry);
    }

    private static void Add<TKey, T>(Dictionary<TKey, List<T>> table, TKey id, T entry, Action<T> forget) where TKey : notnull
    {
        if (!table.TryGetValue(id, out var versions)) table[id] = versions = [];
        versions.Insert(0, entry);
        if (versions.Count <= VersionsPerId) return;
        forget(versions[^1]);
        versions.RemoveAt(versions.Count - 1);
    }

    private static void Trim<TKey, T, TShape>(Dictionary<TKey, List<T>> table, Dictionary<TShape, T> byShape, Func<T, bool> stale, Func<T, TShape?> shapeOf)
        where TKey : notnull where TShape : class
    {
        List<TKey>? emptied = null;
        foreach (var (id, versions) in table)
        {
            for (var i = versions.Count - 1; i >= 0; i--)
            {
                if (!stale(versions[i])) continue;
                if (shapeOf(versions[i]) is { } shape) byShape.Remove(shape);
                versions.RemoveAt(i);
            }
            if (versions.Count == 0) (emptied ??= []).Add(id);
        }
        foreach (var id in emptied ?? []) table.Remove(id);
    }
}
