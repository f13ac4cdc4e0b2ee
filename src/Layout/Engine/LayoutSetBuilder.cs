using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LayoutExpert.Layout.Engine.Reuse;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Lays out every record, enum and typedef of a <see cref="TypeTable"/> into a
/// <see cref="LayoutSet"/>, the shape the DWARF reader also produces. Types that
/// cannot be laid out are left out and reported as issues. Two anonymous
/// records with identical content get one name, hence one entry.
/// With the engine's <see cref="LayoutReuse"/>, unchanged types' models are
/// taken from earlier runs and the set's dictionaries are made from the
/// previous run's by their changes, and a build given the same definitions
/// and roots as a recent one takes its answer whole; the set is the same either way.
/// </summary>
public static class LayoutSetBuilder
{
    public static LayoutSetResult Build(LayoutEngine engine, TypeTable table) => Build(engine, table, []).Result;

    /// <summary>
    /// By id, the set's entry (the very object) under the name each record and enum got in the set (its tag, or its
    /// content-derived name): lookups that hash where the set's sorted dictionaries compare names; and the set's
    /// typedefs by name.
    /// </summary>
    public sealed record Names(
        IReadOnlyDictionary<RecordId, RecordLayout> RecordLayouts,
        IReadOnlyDictionary<EnumId, EnumLayout> EnumLayouts,
        IReadOnlyDictionary<string, TypedefLayout> Typedefs)
    {
        /// <summary>The name each record got, made on each call from <see cref="RecordLayouts"/>.</summary>
        public IReadOnlyDictionary<RecordId, string> Records => RecordLayouts.ToDictionary(p => p.Key, p => p.Value.Name);

        /// <summary>The name each enum got, made on each call from <see cref="EnumLayouts"/>.</summary>
        public IReadOnlyDictionary<EnumId, string> Enums => EnumLayouts.ToDictionary(p => p.Key, p => p.Value.Name);
    }

    /// <summary>
    /// Also maps the types of some named objects (the globals a profile types
    /// symbols with) with the same mapper, so anonymous names agree and their
    /// base types are in the set.
    /// </summary>
    public static (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, Names Names) Build(
        LayoutEngine engine, TypeTable table, IEnumerable<KeyValuePair<string, CType>> roots)
    {
        var rootList = roots as KeyValuePair<string, CType>[] ?? [.. roots];
        var memory = engine.Memory;
        if (memory?.FindSet(table, rootList) is { } known) return known.Answer;
        if (memory is null) return BuildFresh(engine, table, rootList, null, out _);
        var prior = memory.RemembersRecords ? memory.LastDelta : null;
        prior?.Begin(engine.Definitions);
        engine.Carrying = prior;
        (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, Names Names) answer;
        SetDelta? delta;
        try
        {
            answer = BuildFresh(engine, table, rootList, prior, out delta);
        }
        finally
        {
            engine.Carrying = null;
        }
        if (prior is not null && delta is null)
        {
            // Taking earlier models met an issue (whose answer may depend on the order of mapping): built again, nothing taken.
            answer = BuildFresh(engine, table, rootList, null, out delta);
        }
        memory.LastDelta = delta;
        memory.RememberSet(new SetSnapshot(table, rootList, answer));
        return answer;
    }

    /// <summary>
    /// The set, mapping every type (or, with <paramref name="prior"/>, taking those nothing they read changed in).
    /// <paramref name="delta"/> is what the next build may take from: none when the build had an issue, a root
    /// failed, two anonymous enums of one name differ (the first mapped is kept) or a base kind fits no mask.
    /// </summary>
    private static (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, Names Names) BuildFresh(
        LayoutEngine engine, TypeTable table, KeyValuePair<string, CType>[] roots, SetDelta? prior, out SetDelta? delta)
    {
        var mapper = new ModelMapper(engine, prior);
        var orderMatters = false;
        var issues = new List<LayoutIssue>();
        var mappedRoots = ImmutableSortedDictionary.CreateBuilder<string, LayoutResult<TypeRef>>(StringComparer.Ordinal);
        foreach (var (name, type) in roots) mappedRoots[name] = mapper.Map(type);
        foreach (var (id, _) in table.Records) mapper.Record(id);
        foreach (var (id, _) in table.Enums) mapper.Enum(id);

        var memory = engine.Memory?.AllTypes ?? new LayoutSetMemory();
        if (prior?.Products is { } last && memory.Holds(last.Records, last.Enums, last.Typedefs)
            && mappedRoots.Values.All(r => r.TryGet(out _)) && !mapper.BasesUnkept
            && SetPatch.Make(last, prior, mapper, table) is { } patch)
        {
            return Patched(engine, memory, mapper, patch, mappedRoots, out delta);
        }

        var typedefs = new Dictionary<string, TypedefLayout>(table.Typedefs.Count, StringComparer.Ordinal);
        var split = new TypedefSplit();
        foreach (var (name, typedef) in table.Typedefs)
        {
            split.Add(name, typedef);
            var target = mapper.Map(typedef.Target);
            if (target.TryGet(out var typeRef)) typedefs[name] = memory.Typedef(name, typeRef);
            else issues.Add(new LayoutIssue("typedef " + name, target.Problem));
        }

        var records = new Dictionary<string, RecordLayout>(table.Records.Count, StringComparer.Ordinal);
        var recordLayouts = new Dictionary<RecordId, RecordLayout>(table.Records.Count);
        var sharedRecords = new Dictionary<string, int>(StringComparer.Ordinal);
        List<RecordId>? sharing = null;
        foreach (var (id, mapped) in mapper.Records)
        {
            var result = mapped.Result;
            if (!result.TryGet(out var layout))
            {
                issues.Add(new LayoutIssue(id.Spelling, result.Problem));
                continue;
            }
            if (records.TryAdd(layout.Name, layout))
            {
                recordLayouts[id] = layout;
                continue;
            }
            // The set keeps the first record of a name: that is this id's entry.
            recordLayouts[id] = records[layout.Name];
            (sharing ??= []).Add(id);
            sharedRecords[layout.Name] = sharedRecords.GetValueOrDefault(layout.Name, 1) + 1;
            if (!SameLayout(records[layout.Name], layout))
            {
                issues.Add(new LayoutIssue(id.Spelling, new LayoutProblem(LayoutProblemKind.Unsupported,
                    $"anonymous record name {layout.Name} already used by a record with the same members but another alignment")));
            }
        }

        var enums = new Dictionary<string, EnumLayout>(table.Enums.Count, StringComparer.Ordinal);
        var enumLayouts = new Dictionary<EnumId, EnumLayout>(table.Enums.Count);
        var sharedEnums = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (id, mapped) in mapper.Enums)
        {
            var result = mapped.Result;
            if (result.TryGet(out var layout))
            {
                if (!enums.TryAdd(layout.Name, layout))
                {
                    orderMatters |= !enums[layout.Name].Equals(layout);
                    sharedEnums[layout.Name] = sharedEnums.GetValueOrDefault(layout.Name, 1) + 1;
                }
                enumLayouts[id] = enums[layout.Name];
            }
            else
            {
                issues.Add(new LayoutIssue(id.Spelling, result.Problem));
            }
        }

        var set = memory.Next(records, enums, typedefs, new Dictionary<string, BaseTypeLayout>(mapper.BaseTypes, StringComparer.Ordinal));
        TakeKept(memory, mapper, recordLayouts, sharing, enumLayouts);
        engine.Memory?.CountCarried(mapper.Carried);
        delta = issues.Count == 0 && !orderMatters && !mapper.BasesUnkept && mappedRoots.Values.All(r => r.TryGet(out _)) ? mapper.Delta() : null;
        // What the next build patches (only a build that takes from this delta asks; a set memory of its own has nothing to patch).
        if (delta is not null && engine.Memory is not null)
        {
            delta.Products = new SetProducts(records, recordLayouts, sharedRecords, enums, enumLayouts, sharedEnums, typedefs,
                table.Typedefs, split.Dependent, split.FixedBases);
        }
        var sortedIssues = issues.OrderBy(i => i.Subject, StringComparer.Ordinal).ThenBy(i => i.Problem.Message, StringComparer.Ordinal).ToImmutableArray();
        return (new LayoutSetResult(set, sortedIssues), mappedRoots.ToImmutable(), new Names(recordLayouts, enumLayouts, typedefs));
    }

    /// <summary>
    /// The set of a build whose dictionaries were patched from the last build's (<see cref="SetPatch"/>): no issue,
    /// every root mapped, so it keeps a delta as the whole-set build would. The set memory patches its sorted
    /// dictionaries by the keys changed; the objects it kept for equal models are taken as in a whole build.
    /// </summary>
    private static (LayoutSetResult Result, ImmutableSortedDictionary<string, LayoutResult<TypeRef>> Roots, Names Names) Patched(
        LayoutEngine engine, LayoutSetMemory memory, ModelMapper mapper, SetPatch patch,
        ImmutableSortedDictionary<string, LayoutResult<TypeRef>>.Builder mappedRoots, out SetDelta? delta)
    {
        var products = patch.Products;
        var set = memory.NextChanged(products.Records, patch.ChangedRecords, products.Enums, patch.ChangedEnums,
            products.Typedefs, patch.ChangedTypedefs, new Dictionary<string, BaseTypeLayout>(mapper.BaseTypes, StringComparer.Ordinal));
        TakeKeptFresh(memory, mapper, products);
        engine.Memory?.CountCarried(mapper.Carried);
        engine.Memory?.CountPatched();
        delta = mapper.Delta();
        delta.Products = products;
        return (new LayoutSetResult(set, []), mappedRoots.ToImmutable(), new Names(products.RecordLayouts, products.EnumLayouts, products.Typedefs));
    }

    /// <summary>
    /// <see cref="TakeKept"/> for a patched build: only the ids mapped anew can hold a model the set memory replaced
    /// by its earlier object (an entry taken is the set's object already, and so is an entry left under its name).
    /// </summary>
    private static void TakeKeptFresh(LayoutSetMemory memory, ModelMapper mapper, SetProducts products)
    {
        var keptRecords = memory.SubstitutedRecords;
        if (keptRecords.Count > 0)
        {
            foreach (var mapped in mapper.FreshRecords)
            {
                if (mapped.Result.TryGet(out var layout) && keptRecords.TryGetValue(layout, out var kept)) mapped.Result = LayoutResult<RecordLayout>.Ok(kept);
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(products.RecordLayouts, mapped.Id);
                if (keptRecords.TryGetValue(entry, out var keptEntry)) entry = keptEntry;
            }
        }
        var keptEnums = memory.SubstitutedEnums;
        if (keptEnums.Count > 0)
        {
            foreach (var mapped in mapper.FreshEnums)
            {
                if (mapped.Result.TryGet(out var layout) && keptEnums.TryGetValue(layout, out var kept)) mapped.Result = LayoutResult<EnumLayout>.Ok(kept);
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(products.EnumLayouts, mapped.Id);
                if (keptEnums.TryGetValue(entry, out var keptEntry)) entry = keptEntry;
            }
        }
    }

    /// <summary>
    /// Where the set kept an earlier object for an equal model (<see cref="SortedDictionaryMemory{T}"/>), the names'
    /// lookups and the delta take that object too: the reachable cut, the writers' fragments and the next build
    /// then compare them by reference, not member by member. (Equal objects: the answer is the same either way.)
    /// </summary>
    private static void TakeKept(LayoutSetMemory memory, ModelMapper mapper, Dictionary<RecordId, RecordLayout> recordLayouts, List<RecordId>? sharing,
        Dictionary<EnumId, EnumLayout> enumLayouts)
    {
        var keptRecords = memory.SubstitutedRecords;
        if (keptRecords.Count > 0)
        {
            // An id's entry is its own model, unless it shares its name with an earlier id (then the earlier one's).
            foreach (var (id, mapped) in mapper.Records)
            {
                if (!mapped.Result.TryGet(out var layout) || !keptRecords.TryGetValue(layout, out var kept)) continue;
                mapped.Result = LayoutResult<RecordLayout>.Ok(kept);
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(recordLayouts, id);
                if (!Unsafe.IsNullRef(ref entry) && ReferenceEquals(entry, layout)) entry = kept;
            }
            foreach (var id in sharing ?? [])
            {
                ref var entry = ref CollectionsMarshal.GetValueRefOrNullRef(recordLayouts, id);
                if (keptRecords.TryGetValue(entry, out var kept)) entry = kept;
            }
        }
        var keptEnums = memory.SubstitutedEnums;
        if (keptEnums.Count > 0)
        {
            foreach (var (_, mapped) in mapper.Enums)
            {
                if (mapped.Result.TryGet(out var layout) && keptEnums.TryGetValue(layout, out var kept)) mapped.Result = LayoutResult<EnumLayout>.Ok(kept);
            }
            foreach (var (id, layout) in enumLayouts)
            {
                if (keptEnums.TryGetValue(layout, out var kept)) CollectionsMarshal.GetValueRefOrNullRef(enumLayouts, id) = kept;
            }
        }
    }

    /// <summary>RecordLayout's generated equality compares its member array by reference; compare members one by one.</summary>
    private static bool SameLayout(RecordLayout a, RecordLayout b) =>
        a.Kind == b.Kind && a.Name == b.Name && a.IsAnonymous == b.IsAnonymous && a.Size == b.Size
        && a.Alignment == b.Alignment && a.Members.SequenceEqual(b.Members);
}
