using System.Collections.Immutable;
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
        var pending = new Stack<CType>(roots);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case PointerType p:
                    pending.Push(p.Target);
                    break;
                case ArrayType a:
                    pending.Push(a.Element);
                    break;
                case QualifiedType q:
                    pending.Push(q.Unqualified);
                    break;
                case VectorType v:
                    pending.Push(v.Element);
                    break;
                case ModeType m:
                    pending.Push(m.Base);
                    break;
                case FunctionType f:
                    pending.Push(f.Return);
                    foreach (var parameter in f.Parameters) pending.Push(parameter);
                    break;
                case TypedefType t when typedefs.Add(t.Name):
                    pending.Push(t.Target);
                    break;
                case EnumType e:
                    enums.Add(e.Id);
                    break;
                case RecordType r when records.Add(r.Id) && table.Records.TryGetValue(r.Id, out var definition):
                    foreach (var field in definition.Fields) pending.Push(field.Type);
                    break;
            }
        }
        var keptRecords = Keep(all.Records, records.Select(id => names.Records.GetValueOrDefault(id)));
        var keptEnums = Keep(all.Enums, enums.Select(id => names.Enums.GetValueOrDefault(id)));
        var keptTypedefs = Keep(all.Typedefs, typedefs);
        var keptBaseTypes = Keep(all.BaseTypes, UsedBaseTypes(keptRecords.Values, keptEnums.Values, keptTypedefs.Values));
        return (memory ?? new LayoutSetMemory()).Next(keptRecords, keptEnums, keptTypedefs, keptBaseTypes);
    }

    private static HashSet<string> UsedBaseTypes(IEnumerable<RecordLayout> records, IEnumerable<EnumLayout> enums, IEnumerable<TypedefLayout> typedefs)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TypeRef type)
        {
            switch (type)
            {
                case BaseTypeRef b: used.Add(b.Name); break;
                case PointerTypeRef p: Visit(p.Target); break;
                case ArrayTypeRef a: Visit(a.Element); break;
            }
        }
        foreach (var record in records) foreach (var member in record.Members) Visit(member.Type);
        foreach (var typedef in typedefs) Visit(typedef.Target);
        foreach (var @enum in enums) used.Add(@enum.BaseType);
        return used;
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
