using System.Collections.Immutable;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Driver.Tests.Pipeline;

/// <summary>The reachable cut as its definition gives it (see <see cref="ReachableTypesProperty"/>), written out here.</summary>
internal static class ReachableByDefinition
{
    public static string Keys(LayoutSet set) =>
        string.Join(' ', set.Records.Keys) + " | " + string.Join(' ', set.Enums.Keys) + " | " + string.Join(' ', set.Typedefs.Keys) + " | " + string.Join(' ', set.BaseTypes.Keys);

    /// <summary>The cut as defined, looking names up in the set's own dictionaries.</summary>
    public static LayoutSet Cut(LayoutSet all, TypeTable table, LayoutSetBuilder.Names names, IEnumerable<CType> roots)
    {
        var records = new HashSet<RecordId>();
        var enums = new HashSet<EnumId>();
        var typedefs = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<CType>(roots);
        while (pending.TryPop(out var type))
        {
            switch (type)
            {
                case PointerType p: pending.Push(p.Target); break;
                case ArrayType a: pending.Push(a.Element); break;
                case QualifiedType q: pending.Push(q.Unqualified); break;
                case FunctionType f:
                    pending.Push(f.Return);
                    foreach (var parameter in f.Parameters) pending.Push(parameter);
                    break;
                case TypedefType t when typedefs.Add(t.Name): pending.Push(t.Target); break;
                case EnumType e: enums.Add(e.Id); break;
                case RecordType r when records.Add(r.Id) && table.Records.TryGetValue(r.Id, out var definition):
                    foreach (var field in definition.Fields) pending.Push(field.Type);
                    break;
            }
        }
        var recordNames = names.Records;
        var enumNames = names.Enums;
        var keptRecords = Keep(all.Records, records.Select(id => recordNames.GetValueOrDefault(id)));
        var keptEnums = Keep(all.Enums, enums.Select(id => enumNames.GetValueOrDefault(id)));
        var keptTypedefs = Keep(all.Typedefs, typedefs);
        var bases = new HashSet<string>(StringComparer.Ordinal);
        void Visit(TypeRef type)
        {
            switch (type)
            {
                case BaseTypeRef b: bases.Add(b.Name); break;
                case PointerTypeRef p: Visit(p.Target); break;
                case ArrayTypeRef a: Visit(a.Element); break;
            }
        }
        foreach (var record in keptRecords.Values) foreach (var member in record.Members) Visit(member.Type);
        foreach (var typedef in keptTypedefs.Values) Visit(typedef.Target);
        foreach (var @enum in keptEnums.Values) bases.Add(@enum.BaseType);
        return new LayoutSet(keptRecords, keptEnums, keptTypedefs, Keep(all.BaseTypes, bases));
    }

    private static ImmutableSortedDictionary<string, T> Keep<T>(ImmutableSortedDictionary<string, T> all, IEnumerable<string?> names) =>
        names.OfType<string>().Where(all.ContainsKey).Distinct().ToImmutableSortedDictionary(n => n, n => all[n], StringComparer.Ordinal);
}
