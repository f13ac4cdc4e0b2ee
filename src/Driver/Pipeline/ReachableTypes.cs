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
/// describes in full behind every function pointer.
/// </summary>
public static class ReachableTypes
{
    public static LayoutSet From(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, IEnumerable<CType> roots)
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
        var recordNames = records.Select(id => names.Records.GetValueOrDefault(id)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var enumNames = enums.Select(id => names.Enums.GetValueOrDefault(id)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var kept = new LayoutSet(
            Keep(all.Records, recordNames),
            Keep(all.Enums, enumNames),
            Keep(all.Typedefs, typedefs),
            all.BaseTypes);
        return kept with { BaseTypes = Keep(all.BaseTypes, UsedBaseTypes(kept)) };
    }

    private static HashSet<string> UsedBaseTypes(LayoutSet set)
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
        foreach (var record in set.Records.Values) foreach (var member in record.Members) Visit(member.Type);
        foreach (var typedef in set.Typedefs.Values) Visit(typedef.Target);
        foreach (var @enum in set.Enums.Values) used.Add(@enum.BaseType);
        return used;
    }

    private static ImmutableSortedDictionary<string, T> Keep<T>(ImmutableSortedDictionary<string, T> all, HashSet<string> names) =>
        all.Where(p => names.Contains(p.Key)).ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
