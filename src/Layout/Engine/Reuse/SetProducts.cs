using System.Collections.Immutable;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine.Reuse;

/// <summary>
/// The dictionaries one set build made from its mapping, kept with its
/// <see cref="SetDelta"/> so that the next build, which takes most records and
/// enums from that delta, patches copies of them by what it mapped anew
/// (<see cref="SetPatch"/>) instead of making them from every entry again.
/// Never changed once made: the builder hands them out (the names' lookups,
/// the set memory's entries).
/// <list type="bullet">
/// <item><see cref="Records"/>, <see cref="Enums"/>, <see cref="Typedefs"/>: the
/// set's entries by name (the very dictionaries the set memory holds as its
/// last entries: <see cref="LayoutSetMemory.Holds"/>);</item>
/// <item><see cref="RecordLayouts"/>, <see cref="EnumLayouts"/>: each id's entry
/// (the names' lookups);</item>
/// <item><see cref="SharedRecordNames"/>, <see cref="SharedEnumNames"/>: the
/// names more than one id has, with how many (a name not there has one). A
/// build that keeps a delta had no two records of one name with different
/// models and no two enums of one name with different models, so any holder's
/// model is the entry.</item>
/// <item><see cref="Typedefs"/> made from <see cref="TypedefTable"/>: its typedefs
/// whose model may change while the typedef object does not
/// (<see cref="DependentTypedefs"/>), and the base kinds the others note
/// (<see cref="FixedTypedefBases"/>, see <see cref="TypedefReads"/>).</item>
/// </list>
/// </summary>
internal sealed record SetProducts(
    Dictionary<string, RecordLayout> Records,
    Dictionary<RecordId, RecordLayout> RecordLayouts,
    Dictionary<string, int> SharedRecordNames,
    Dictionary<string, EnumLayout> Enums,
    Dictionary<EnumId, EnumLayout> EnumLayouts,
    Dictionary<string, int> SharedEnumNames,
    Dictionary<string, TypedefLayout> Typedefs,
    ImmutableDictionary<string, TypedefType> TypedefTable,
    KeyValuePair<string, TypedefType>[] DependentTypedefs,
    ulong FixedTypedefBases);
