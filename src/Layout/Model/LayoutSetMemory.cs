namespace LayoutExpert.Layout.Model;

/// <summary>The four dictionaries of a <see cref="LayoutSet"/>, each made from the previous run's (<see cref="SortedDictionaryMemory{T}"/>).</summary>
public sealed class LayoutSetMemory
{
    private readonly SortedDictionaryMemory<RecordLayout> records = new();
    private readonly SortedDictionaryMemory<EnumLayout> enums = new();
    private readonly SortedDictionaryMemory<TypedefLayout> typedefs = new();
    private readonly SortedDictionaryMemory<BaseTypeLayout> baseTypes = new();

    /// <summary>The records of the last <see cref="Next"/> that equalled the previous run's, with the objects that stand for them in the set.</summary>
    public IReadOnlyDictionary<RecordLayout, RecordLayout> SubstitutedRecords => records.Substituted;

    public IReadOnlyDictionary<EnumLayout, EnumLayout> SubstitutedEnums => enums.Substituted;

    /// <summary>
    /// The typedef of the last set under <paramref name="name"/> if it names <paramref name="target"/>, else a new
    /// one: typedefs are made anew on every build, and an equal one the set holds already costs no comparison later.
    /// </summary>
    public TypedefLayout Typedef(string name, TypeRef target) =>
        typedefs.Previous(name) is { } previous && previous.Target.Equals(target) ? previous : new TypedefLayout(name, target);

    /// <summary>Whether these are the very entries of the last set made (see <see cref="SortedDictionaryMemory{T}.Holds"/>).</summary>
    public bool Holds(Dictionary<string, RecordLayout> recordEntries, Dictionary<string, EnumLayout> enumEntries, Dictionary<string, TypedefLayout> typedefEntries) =>
        records.Holds(recordEntries) && enums.Holds(enumEntries) && typedefs.Holds(typedefEntries);

    /// <summary>
    /// As <see cref="Next"/>, for record, enum and typedef entries that are copies of the last set's changed only
    /// under the keys named (see <see cref="SortedDictionaryMemory{T}.NextChanged"/>); base types are compared whole.
    /// </summary>
    public LayoutSet NextChanged(
        Dictionary<string, RecordLayout> recordEntries, IEnumerable<string> changedRecords,
        Dictionary<string, EnumLayout> enumEntries, IEnumerable<string> changedEnums,
        Dictionary<string, TypedefLayout> typedefEntries, IEnumerable<string> changedTypedefs,
        Dictionary<string, BaseTypeLayout> baseTypeEntries) =>
        new(records.NextChanged(recordEntries, changedRecords), enums.NextChanged(enumEntries, changedEnums),
            typedefs.NextChanged(typedefEntries, changedTypedefs), baseTypes.Next(baseTypeEntries));

    /// <summary>
    /// The set holding exactly these entries (kept by this memory: do not change them afterwards); a value equal
    /// to the previous run's under its key is replaced in the entries by the previous object, which the set holds.
    /// </summary>
    public LayoutSet Next(
        Dictionary<string, RecordLayout> recordEntries,
        Dictionary<string, EnumLayout> enumEntries,
        Dictionary<string, TypedefLayout> typedefEntries,
        Dictionary<string, BaseTypeLayout> baseTypeEntries) =>
        new(records.Next(recordEntries), enums.Next(enumEntries), typedefs.Next(typedefEntries), baseTypes.Next(baseTypeEntries));
}
