using System.Runtime.InteropServices;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// The set's dictionaries of a build that took most records and enums from the
/// last build's <see cref="SetDelta"/>, made by patching copies of that build's
/// (<see cref="SetProducts"/>) with what this build mapped anew, and the keys
/// changed, for the set memory to patch the sorted dictionaries by
/// (<see cref="LayoutSetMemory.NextChanged"/>). A taken entry is the very
/// object of the last build, under the same id and name, so only the ids
/// mapped anew and those gone change an entry.
/// <para>
/// The whole-set build is what this must equal: every id's model under its
/// name, the first id of a name giving the entry. Since the last build kept a
/// delta, the ids sharing a name had equal models, so any of them is the entry
/// (the set holds equal objects either way). Where this build would have an
/// issue (a record, enum or typedef without a model, two ids of one name with
/// different models, whose entry then depends on the order of mapping) there is
/// no patch: the caller builds the dictionaries whole, as the build always did.
/// </para>
/// </summary>
internal sealed class SetPatch
{
    private readonly List<string> changedRecords = [];
    private readonly List<string> changedEnums = [];
    private readonly List<string> changedTypedefs = [];

    private SetPatch(SetProducts products) => Products = products;

    public SetProducts Products { get; }

    public IReadOnlyList<string> ChangedRecords => changedRecords;

    public IReadOnlyList<string> ChangedEnums => changedEnums;

    public IReadOnlyList<string> ChangedTypedefs => changedTypedefs;

    /// <summary>The patched dictionaries, or null where the whole-set build has to decide (see the class).</summary>
    public static SetPatch? Make(SetProducts last, SetDelta prior, ModelMapper mapper, TypeTable table)
    {
        var patch = new SetPatch(new SetProducts(
            new Dictionary<string, RecordLayout>(last.Records, StringComparer.Ordinal),
            new Dictionary<RecordId, RecordLayout>(last.RecordLayouts),
            new Dictionary<string, int>(last.SharedRecordNames, StringComparer.Ordinal),
            new Dictionary<string, EnumLayout>(last.Enums, StringComparer.Ordinal),
            new Dictionary<EnumId, EnumLayout>(last.EnumLayouts),
            new Dictionary<string, int>(last.SharedEnumNames, StringComparer.Ordinal),
            new Dictionary<string, TypedefLayout>(last.Typedefs, StringComparer.Ordinal),
            last.TypedefTable, last.DependentTypedefs, last.FixedTypedefBases));
        var products = patch.Products;

        // Gone first (an id mapped anew leaves its old name before taking its new one), then the new models.
        foreach (var old in Gone(prior.Records, mapper.Records, mapper.ReplacedRecords, mapper.FreshRecords.Count, mapper.Token, static r => r.TakenBy))
        {
            products.RecordLayouts.Remove(old.Id);
            Leave(products.Records, products.SharedRecordNames, Name(old.Result), patch.changedRecords);
        }
        foreach (var fresh in mapper.FreshRecords)
        {
            if (!fresh.Result.TryGet(out var layout)) return null;
            if (!Join(products.Records, products.SharedRecordNames, layout.Name, layout, patch.changedRecords, out var entry)) return null;
            products.RecordLayouts[fresh.Id] = entry;
        }

        foreach (var old in Gone(prior.Enums, mapper.Enums, mapper.ReplacedEnums, mapper.FreshEnums.Count, mapper.Token, static e => e.TakenBy))
        {
            products.EnumLayouts.Remove(old.Id);
            Leave(products.Enums, products.SharedEnumNames, Name(old.Result), patch.changedEnums);
        }
        foreach (var fresh in mapper.FreshEnums)
        {
            if (!fresh.Result.TryGet(out var layout)) return null;
            if (!Join(products.Enums, products.SharedEnumNames, layout.Name, layout, patch.changedEnums, out var entry)) return null;
            products.EnumLayouts[fresh.Id] = entry;
        }

        if (ReferenceEquals(table.Typedefs, last.TypedefTable)) return patch.PatchDependentTypedefs(mapper) ? patch : null;
        return patch.PatchTypedefs(mapper, table) is { } products2 ? patch.With(products2) : null;
    }

    private SetPatch With(SetProducts products)
    {
        var patch = new SetPatch(products);
        patch.changedRecords.AddRange(changedRecords);
        patch.changedEnums.AddRange(changedEnums);
        patch.changedTypedefs.AddRange(changedTypedefs);
        return patch;
    }

    /// <summary>
    /// The very typedef table of the last build: only the typedefs whose model may have changed with the records and
    /// enums they name are mapped again; the others note their base kinds, as mapping them would.
    /// </summary>
    private bool PatchDependentTypedefs(ModelMapper mapper)
    {
        mapper.NoteBases(Products.FixedTypedefBases);
        foreach (var (name, typedef) in Products.DependentTypedefs)
        {
            if (!Remap(mapper, name, typedef)) return false;
        }
        return true;
    }

    /// <summary>
    /// Every typedef mapped again (its target may name anonymous records whose names changed); an entry whose
    /// target maps as before keeps its object, as <see cref="LayoutSetMemory.Typedef"/> keeps it for a whole build.
    /// The products then record this table's dependent typedefs.
    /// </summary>
    private SetProducts? PatchTypedefs(ModelMapper mapper, TypeTable table)
    {
        var typedefs = Products.Typedefs;
        var dependent = new TypedefSplit();
        foreach (var (name, typedef) in table.Typedefs)
        {
            dependent.Add(name, typedef);
            if (!Remap(mapper, name, typedef)) return null;
        }
        if (typedefs.Count != table.Typedefs.Count)
        {
            // More entries than typedefs: the last build's that are gone now.
            List<string>? gone = null;
            foreach (var name in typedefs.Keys)
            {
                if (!table.Typedefs.ContainsKey(name)) (gone ??= []).Add(name);
            }
            foreach (var name in gone ?? [])
            {
                typedefs.Remove(name);
                changedTypedefs.Add(name);
            }
        }
        return Products with { TypedefTable = table.Typedefs, DependentTypedefs = dependent.Dependent, FixedTypedefBases = dependent.FixedBases };
    }

    private bool Remap(ModelMapper mapper, string name, TypedefType typedef)
    {
        var target = mapper.Map(typedef.Target);
        if (!target.TryGet(out var typeRef)) return false;
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(Products.Typedefs, name, out var existed);
        if (existed && entry!.Target.Equals(typeRef)) return true;
        entry = new TypedefLayout(name, typeRef);
        changedTypedefs.Add(name);
        return true;
    }

    /// <summary>
    /// The last build's entries this build does not hold: those replaced by one mapped anew, and those of ids not
    /// mapped at all (looked for only when the counts say some are: every entry taken is one of the last build's).
    /// </summary>
    private static List<TMapped> Gone<TId, TMapped>(Dictionary<TId, TMapped> last, Dictionary<TId, TMapped> now, List<TMapped> replaced, int fresh,
        int token, Func<TMapped, int> takenBy)
        where TId : notnull where TMapped : class
    {
        var taken = now.Count - fresh;
        if (last.Count == taken + replaced.Count) return replaced;
        // Replaced and removed alike: the entries this mapping did not take.
        var gone = new List<TMapped>(last.Count - taken);
        foreach (var entry in last.Values)
        {
            if (takenBy(entry) != token) gone.Add(entry);
        }
        return gone;
    }

    private static string Name(LayoutResult<RecordLayout> result) => result.TryGet(out var layout) ? layout.Name : throw Unkept();

    private static string Name(LayoutResult<EnumLayout> result) => result.TryGet(out var layout) ? layout.Name : throw Unkept();

    /// <summary>A build that kept a delta had a model for every record and enum it mapped.</summary>
    private static InvalidOperationException Unkept() => new("an entry of a kept delta has no model");

    /// <summary>One id fewer under <paramref name="name"/>: the entry goes with the last of them.</summary>
    private static void Leave<T>(Dictionary<string, T> entries, Dictionary<string, int> shared, string name, List<string> changed)
    {
        ref var count = ref CollectionsMarshal.GetValueRefOrNullRef(shared, name);
        if (!System.Runtime.CompilerServices.Unsafe.IsNullRef(ref count))
        {
            if (--count == 1) shared.Remove(name);
            return;
        }
        entries.Remove(name);
        changed.Add(name);
    }

    /// <summary>One id more under <paramref name="name"/>; false when another id holds it with another model.</summary>
    private static bool Join<T>(Dictionary<string, T> entries, Dictionary<string, int> shared, string name, T model, List<string> changed, out T entry)
        where T : class
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(entries, name, out var held);
        if (!held)
        {
            slot = model;
            changed.Add(name);
            entry = model;
            return true;
        }
        entry = slot!;
        if (!entry.Equals(model)) return false;
        ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(shared, name, out var many);
        count = many ? count + 1 : 2;
        return true;
    }
}
