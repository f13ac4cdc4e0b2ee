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

    public ImmutableDictionary<RecordId, RecordDefinition> FileScopeRecords() =>
        _fileScopeRecords.ToImmutableDictionary(id => id, id => _records[id]);

    public ImmutableDictionary<EnumId, EnumDefinition> FileScopeEnums() =>
        _fileScopeEnums.ToImmutableDictionary(id => id, id => _enums[id]);
}
