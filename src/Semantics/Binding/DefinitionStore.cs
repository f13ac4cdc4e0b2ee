using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The bodies of the records and enums bound so far. Append-only, as
/// <see cref="ITypeDefinitions"/> requires: a body is added once, at its
/// closing brace, and never changes, so the layout engine reading it during
/// binding may memoise. Records defined in a parameter list (prototype scope)
/// are kept apart: they are types, but not of the file scope gcc describes.
/// </summary>
internal sealed class DefinitionStore(BinderSizes sizes) : ITypeDefinitions
{
    private readonly Dictionary<RecordId, RecordDefinition> _records = new(sizes.Records);
    private readonly Dictionary<EnumId, EnumDefinition> _enums = new(sizes.Enums);
    private readonly List<RecordDefinition> _fileScopeRecords = new(sizes.FileScopeRecords);
    private readonly List<EnumDefinition> _fileScopeEnums = new(sizes.FileScopeEnums);

    public int RecordCount => _records.Count;

    public int EnumCount => _enums.Count;

    public int FileScopeRecordCount => _fileScopeRecords.Count;

    public int FileScopeEnumCount => _fileScopeEnums.Count;

    public RecordDefinition? FindRecord(RecordId id) => _records.GetValueOrDefault(id);

    public EnumDefinition? FindEnum(EnumId id) => _enums.GetValueOrDefault(id);

    public bool Add(RecordDefinition definition, bool fileScope)
    {
        if (!_records.TryAdd(definition.Id, definition)) return false;
        if (fileScope) _fileScopeRecords.Add(definition);
        return true;
    }

    public bool Add(EnumDefinition definition, bool fileScope)
    {
        if (!_enums.TryAdd(definition.Id, definition)) return false;
        if (fileScope) _fileScopeEnums.Add(definition);
        return true;
    }

    /// <summary>The file-scope records; with the table and list of an earlier bind (<paramref name="cache"/>), that table patched, and the list made this one's.</summary>
    public ImmutableDictionary<RecordId, RecordDefinition> FileScopeRecords(ImmutableDictionary<RecordId, RecordDefinition>? previous = null, List<RecordDefinition>? cache = null) =>
        Table(previous, cache, _fileScopeRecords, d => d.Id);

    public ImmutableDictionary<EnumId, EnumDefinition> FileScopeEnums(ImmutableDictionary<EnumId, EnumDefinition>? previous = null, List<EnumDefinition>? cache = null) =>
        Table(previous, cache, _fileScopeEnums, d => d.Id);

    private static ImmutableDictionary<TId, TDefinition> Table<TId, TDefinition>(ImmutableDictionary<TId, TDefinition>? previous, List<TDefinition>? cache, List<TDefinition> definitions, Func<TDefinition, TId> idOf)
        where TId : notnull
        where TDefinition : class
    {
        var table = previous is null || cache is null ? definitions.ToImmutableDictionary(idOf) : ListPatch.Apply(previous, cache, definitions, idOf);
        if (cache is not null)
        {
            cache.Clear();
            cache.AddRange(definitions);
        }
        return table;
    }
}
