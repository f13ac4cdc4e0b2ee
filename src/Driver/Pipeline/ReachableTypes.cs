using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The part of a layout set that gcc puts in a unit's DWARF: the types its
/// objects use, and the types those use — members, pointer targets, array
/// elements, typedef targets, and (unlike the layout model, which has no
/// parameters) the return and parameter types of function types, which DWARF
/// describes in full behind every function pointer. With a
/// <see cref="LayoutSetMemory"/> the set's dictionaries are made from the
/// previous call's (the same set, at the cost of what changed).
/// </summary>
public static class ReachableTypes
{
    public static LayoutSet From(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, IEnumerable<CType> roots, LayoutSetMemory? memory = null)
    {
        var records = new HashSet<RecordId>();
        var enums = new HashSet<EnumId>();
        var typedefs = new HashSet<string>(StringComparer.Ordinal);
        // Held in a struct: pushing a CType into an array of CType pays a covariance check per push (30,000 per walk).
        var pending = new Stack<Pending>(256);
        foreach (var root in roots) pending.Push(new Pending(root));
        var parts = new PendingParts(pending);
        while (pending.Count > 0)
        {
            var type = pending.Pop().Type;
            if (TypeParts.Add(type, ref parts)) continue;
            switch (type)
            {
                case TypedefType t when typedefs.Add(t.Name):
                    pending.Push(new Pending(t.Target));
                    break;
                case EnumType e:
                    enums.Add(e.Id);
                    break;
                case RecordType r when records.Add(r.Id) && table.Records.TryGetValue(r.Id, out var definition):
                    foreach (var field in definition.Fields) pending.Push(new Pending(field.Type));
                    break;
            }
        }
        // The entries come from the names' hash lookups by id (the set's sorted dictionaries would compare names):
        // each is the set's entry under that name.
        var keptRecords = new Dictionary<string, RecordLayout>(records.Count, StringComparer.Ordinal);
        foreach (var id in records)
        {
            if (names.RecordLayouts.TryGetValue(id, out var layout)) keptRecords[layout.Name] = layout;
        }
        var keptEnums = new Dictionary<string, EnumLayout>(enums.Count, StringComparer.Ordinal);
        foreach (var id in enums)
        {
            if (names.EnumLayouts.TryGetValue(id, out var layout)) keptEnums[layout.Name] = layout;
        }
        var keptTypedefs = new Dictionary<string, TypedefLayout>(typedefs.Count, StringComparer.Ordinal);
        foreach (var name in typedefs)
        {
            if (names.Typedefs.TryGetValue(name, out var layout)) keptTypedefs[name] = layout;
        }
        var keptBaseTypes = Keep(all.BaseTypes, UsedBaseTypes(keptRecords.Values, keptEnums.Values, keptTypedefs.Values));
        return (memory ?? new LayoutSetMemory()).Next(keptRecords, keptEnums, keptTypedefs, keptBaseTypes);
    }

    private readonly record struct Pending(CType Type);

    private readonly struct PendingParts(Stack<Pending> pending) : TypeParts.ISink
    {
        public void Add(CType part) => pending.Push(new Pending(part));
    }

    /// <summary>The base types a record's members name, worked out once per model object (models are immutable and shared across builds).</summary>
    private static readonly ConditionalWeakTable<RecordLayout, string[]> BaseTypesOfRecord = new();

    private static HashSet<string> UsedBaseTypes(IEnumerable<RecordLayout> records, IEnumerable<EnumLayout> enums, IEnumerable<TypedefLayout> typedefs)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var name in BaseTypesOf(record)) used.Add(name);
        }
        foreach (var typedef in typedefs)
        {
            if (BaseTypeOf(typedef.Target) is { } name) used.Add(name);
        }
        foreach (var @enum in enums) used.Add(@enum.BaseType);
        return used;
    }

    /// <summary>The base types the members of <paramref name="record"/> name, each once.</summary>
    internal static string[] BaseTypesOf(RecordLayout record) => BaseTypesOfRecord.GetValue(record, static r => MemberBaseTypes(r));

    /// <summary>The base type <paramref name="type"/> names through pointers and arrays, if any (what a typedef adds to the base types).</summary>
    internal static string? BaseTypeOf(TypeRef type)
    {
        while (true)
        {
            switch (type)
            {
                case BaseTypeRef b: return b.Name;
                case PointerTypeRef p: type = p.Target; break;
                case ArrayTypeRef a: type = a.Element; break;
                default: return null;
            }
        }
    }

    private static string[] MemberBaseTypes(RecordLayout record)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in record.Members)
        {
            if (BaseTypeOf(member.Type) is { } name) used.Add(name);
        }
        return [.. used];
    }

    /// <summary>The entries of <paramref name="all"/> under the given names (names it lacks, and nulls, are skipped).</summary>
    private static Dictionary<string, T> Keep<T>(ImmutableSortedDictionary<string, T> all, IEnumerable<string?> names) where T : class
    {
        var kept = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name is not null && all.TryGetValue(name, out var value)) kept[name] = value;
        }
        return kept;
    }
}
