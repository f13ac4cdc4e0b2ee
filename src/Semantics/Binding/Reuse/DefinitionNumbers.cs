using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Numbers for the record and enum ids a binder with reuse meets, as
/// <see cref="NameTable"/> numbers names: a record's read of a body
/// (<see cref="ReadKind.Record"/>, <see cref="ReadKind.Enum"/>) names the id by
/// number, and checking it is an array access in the store
/// (<see cref="DefinitionStore.RecordAt"/>), not a hash lookup of the id
/// (a first visit checks ~3,000 such reads); adding a body is an array store
/// too (a first visit replays ~3,000 adds). Kept by <see cref="BindingReuse"/>
/// across binds; numbers are never reused, so every record stays valid.
/// </summary>
internal sealed class DefinitionNumbers
{
    private readonly Dictionary<RecordId, int> _records = [];
    private readonly Dictionary<EnumId, int> _enums = [];

    public int RecordCount => _records.Count;

    public int EnumCount => _enums.Count;

    /// <summary>The number of a record id that has one (one without was never added to a store).</summary>
    public bool TryGet(RecordId id, out int number) => _records.TryGetValue(id, out number);

    public bool TryGet(EnumId id, out int number) => _enums.TryGetValue(id, out number);

    /// <summary>The number of a record id, given one when it has none.</summary>
    public int Of(RecordId id)
    {
        if (!_records.TryGetValue(id, out var number)) _records[id] = number = _records.Count;
        return number;
    }

    /// <summary>The number of an enum id, given one when it has none.</summary>
    public int Of(EnumId id)
    {
        if (!_enums.TryGetValue(id, out var number)) _enums[id] = number = _enums.Count;
        return number;
    }
}
