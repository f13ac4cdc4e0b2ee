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
    private readonly List<RecordDefinition> _fileScopeRecords = [];
    private readonly List<EnumDefinition> _fileScopeEnums = [];

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

    /// <summary>The file-scope records; with <paramref name="previous"/> (an earlier bind's), that table patched with the differences.</summary>
    public ImmutableDictionary<RecordId, RecordDefinition> FileScopeRecords(ImmutableDictionary<RecordId, RecordDefinition>? previous = null) =>
        Patch(previous, _fileScopeRecords, d => d.Id);

    public ImmutableDictionary<EnumId, EnumDefinition> FileScopeEnums(ImmutableDictionary<EnumId, EnumDefinition>? previous = null) =>
        Patch(previous, _fileScopeEnums, d => d.Id);

    private static ImmutableDictionary<TId, TDefinition> Patch<TId, TDefinition>(ImmutableDictionary<TId, TDefinition>? previous, List<TDefinition> definitions, Func<TDefinition, TId> idOf)
        where TId : notnull
        where TDefinition : class
    {
        if (previous is null) return definitions.ToImmutableDictionary(idOf);
        var builder = previous.ToBuilder();
        foreach (var definition in definitions)
        {
            var id = idOf(definition);
            if (!builder.TryGetValue(id, out var old) || !ReferenceEquals(old, definition)) builder[id] = definition;
        }
        // The builder holds every id now (no id is added twice); more means some of the previous are gone.
        if (builder.Count != definitions.Count)
        {
            var now = new HashSet<TId>(definitions.Select(idOf));
            foreach (var id in previous.Keys)
            {
                if (!now.Contains(id)) builder.Remove(id);
            }
        }
        return builder.ToImmutable();
    }
}
