using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The bodies of the records and enums bound so far. Append-only, as
/// <see cref="ITypeDefinitions"/> requires: a body is added once, at its
/// closing brace, and never changes, so the layout engine reading it during
/// binding may memoise. Records defined in a parameter list (prototype scope)
/// are kept apart: they are types, but not of the file scope gcc describes.
/// With binding reuse's <see cref="DefinitionNumbers"/>, bodies are kept by
/// their id's number instead of in dictionaries: a recorded read is checked,
/// and a replayed body added, by array access (a number names one id, so a
/// slot taken is the id taken).
/// </summary>
internal sealed class DefinitionStore(BinderSizes sizes, DefinitionNumbers? numbers = null) : ITypeDefinitions
{
    private RecordDefinition?[] _recordsByNumber = numbers is null ? [] : new RecordDefinition?[numbers.RecordCount + 64];
    private EnumDefinition?[] _enumsByNumber = numbers is null ? [] : new EnumDefinition?[numbers.EnumCount + 64];
    private readonly Dictionary<RecordId, RecordDefinition> _records = numbers is null ? new(sizes.Records) : [];
    private readonly Dictionary<EnumId, EnumDefinition> _enums = numbers is null ? new(sizes.Enums) : [];
    private int _recordCount, _enumCount;
    private readonly List<RecordDefinition> _fileScopeRecords = new(sizes.FileScopeRecords);
    private readonly List<EnumDefinition> _fileScopeEnums = new(sizes.FileScopeEnums);

    public int RecordCount => _recordCount;

    public int EnumCount => _enumCount;

    public int FileScopeRecordCount => _fileScopeRecords.Count;

    public int FileScopeEnumCount => _fileScopeEnums.Count;

    public RecordDefinition? FindRecord(RecordId id) =>
        numbers is null ? _records.GetValueOrDefault(id) : numbers.TryGet(id, out var number) ? RecordAt(number) : null;

    public EnumDefinition? FindEnum(EnumId id) =>
        numbers is null ? _enums.GetValueOrDefault(id) : numbers.TryGet(id, out var number) ? EnumAt(number) : null;

    /// <summary>The record body of the id numbered <paramref name="number"/> (see <see cref="DefinitionNumbers"/>), or null.</summary>
    public RecordDefinition? RecordAt(int number) => (uint)number < (uint)_recordsByNumber.Length ? _recordsByNumber[number] : null;

    public EnumDefinition? EnumAt(int number) => (uint)number < (uint)_enumsByNumber.Length ? _enumsByNumber[number] : null;

    /// <summary>Adds a body unless its id has one; <paramref name="number"/> is its id's number if known (else looked up).</summary>
    public bool Add(RecordDefinition definition, bool fileScope, int number = -1)
    {
        if (numbers is null)
        {
            if (!_records.TryAdd(definition.Id, definition)) return false;
        }
        else
        {
            ref var slot = ref Slot(ref _recordsByNumber, number < 0 ? numbers.Of(definition.Id) : number);
            if (slot is not null) return false;
            slot = definition;
        }
        _recordCount++;
        if (fileScope) _fileScopeRecords.Add(definition);
        return true;
    }

    public bool Add(EnumDefinition definition, bool fileScope, int number = -1)
    {
        if (numbers is null)
        {
            if (!_enums.TryAdd(definition.Id, definition)) return false;
        }
        else
        {
            ref var slot = ref Slot(ref _enumsByNumber, number < 0 ? numbers.Of(definition.Id) : number);
            if (slot is not null) return false;
            slot = definition;
        }
        _enumCount++;
        if (fileScope) _fileScopeEnums.Add(definition);
        return true;
    }

    private static ref T? Slot<T>(ref T?[] array, int number)
        where T : class
    {
        if (number >= array.Length) Array.Resize(ref array, Math.Max(number + 1, array.Length * 2));
        return ref array[number];
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
