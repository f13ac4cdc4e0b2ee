using System.Collections.Immutable;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// An immutable set of definitions: the records and enums of a translation
/// unit, keyed by identity, and its file-scope typedefs by name (for the layout
/// set's typedef list). Equality is by reference (comparing whole tables would
/// not be cheap); the definitions inside compare structurally.
/// </summary>
public sealed class TypeTable : ITypeDefinitions
{
    public static readonly TypeTable Empty = new(
        ImmutableDictionary<RecordId, RecordDefinition>.Empty,
        ImmutableDictionary<EnumId, EnumDefinition>.Empty,
        ImmutableDictionary<string, TypedefType>.Empty);

    public TypeTable(
        ImmutableDictionary<RecordId, RecordDefinition> records,
        ImmutableDictionary<EnumId, EnumDefinition> enums,
        ImmutableDictionary<string, TypedefType> typedefs)
    {
        Records = records;
        Enums = enums;
        Typedefs = typedefs;
    }

    public ImmutableDictionary<RecordId, RecordDefinition> Records { get; }

    public ImmutableDictionary<EnumId, EnumDefinition> Enums { get; }

    public ImmutableDictionary<string, TypedefType> Typedefs { get; }

    public RecordDefinition? FindRecord(RecordId id) => Records.GetValueOrDefault(id);

    public EnumDefinition? FindEnum(EnumId id) => Enums.GetValueOrDefault(id);

    public TypeTable With(RecordDefinition record) => new(Records.SetItem(record.Id, record), Enums, Typedefs);

    public TypeTable With(EnumDefinition @enum) => new(Records, Enums.SetItem(@enum.Id, @enum), Typedefs);

    public TypeTable With(TypedefType typedef) => new(Records, Enums, Typedefs.SetItem(typedef.Name, typedef));
}
