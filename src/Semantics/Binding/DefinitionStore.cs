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
internal sealed class DefinitionStore : ITypeDefinitions
{
    private readonly Dictionary<RecordId, RecordDefinition> _records = [];
    private readonly Dictionary<EnumId, EnumDefinition> _enums = [];
    private readonly List<RecordId> _fileScopeRecords = [];
    private readonly List<EnumId> _fileScopeEnums = [];

    public RecordDefinition? FindRecord(RecordId id) => _records.GetValueOrDefault(id);

    public EnumDefinition? FindEnum(EnumId id) => _enums.GetValueOrDefault(id);

    public bool Add(RecordDefinition definition, bool fileScope)
    {
        if (!_records.TryAdd(definition.Id, definition)) return false;
        if (fileScope) _fileScopeRecords.Add(definition.Id);
        return true;
    }

    public bool Add(EnumDefinition definition, bool fileScope)
    {
        if (!_enums.TryAdd(definition.Id, definition)) return false;
        if (fileScope) _fileScopeEnums.Add(definition.Id);
        return true;
    }

    /// <summary>The file-scope records; with <paramref name="previous"/> (an earlier bind's), that table patched with the differences.</summary>
    public ImmutableDictionary<RecordId, RecordDefinition> FileScopeRecords(ImmutableDictionary<RecordId, RecordDefinition>? previous = null) =>
        Patch(previous, _fileScopeRecords, _records);

    public ImmutableDictionary<EnumId, EnumDefinition> FileScopeEnums(ImmutableDictionary<EnumId, EnumDefinition>? previous = null) =>
        Patch(previous, _fileScopeEnums, _enums);

    private static ImmutableDictionary<TId, TDefinition> Patch<TId, TDefinition>(ImmutableDictionary<TId, TDefinition>? previous, List<TId> ids, Dictionary<TId, TDefinition> all)
        where TId : notnull
        where TDefinition : class
    {
        if (previous is null) return ids.ToImmutableDictionary(id => id, id => all[id]);
        var builder = previous.ToBuilder();
        foreach (var id in ids)
        {
            var definition = all[id];
            if (!builder.TryGetValue(id, out var old) || !ReferenceEquals(old, definition)) builder[id] = definition;
        }
        // The builder holds every id now (ids has no duplicates); more means some of the previous are gone.
        if (builder.Count != ids.Count)
        {
            var now = new HashSet<TId>(ids);
            foreach (var id in previous.Keys)
            {
                if (!now.Contains(id)) builder.Remove(id);
            }
        }
        return builder.ToImmutable();
    }
}
