using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// The part of a layout set reachable from some roots: what gcc puts in a
/// unit's DWARF is the types its objects use, and the types those types use
/// (members, pointer targets, array elements, typedef targets).
/// </summary>
public static class ReachableTypes
{
    public static LayoutSet From(LayoutSet all, IEnumerable<TypeRef> roots)
    {
        var records = new HashSet<string>(StringComparer.Ordinal);
        var enums = new HashSet<string>(StringComparer.Ordinal);
        var typedefs = new HashSet<string>(StringComparer.Ordinal);
        var bases = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<TypeRef>(roots);
        while (pending.Count > 0)
        {
            switch (pending.Pop())
            {
                case BaseTypeRef b:
                    bases.Add(b.Name);
                    break;
                case PointerTypeRef p:
                    pending.Push(p.Target);
                    break;
                case ArrayTypeRef a:
                    pending.Push(a.Element);
                    break;
                case TypedefTypeRef t when typedefs.Add(t.Name) && all.Typedefs.TryGetValue(t.Name, out var typedef):
                    pending.Push(typedef.Target);
                    break;
                case EnumTypeRef e when enums.Add(e.Name) && all.Enums.TryGetValue(e.Name, out var @enum):
                    bases.Add(@enum.BaseType);
                    break;
                case RecordTypeRef r when records.Add(r.Name) && all.Records.TryGetValue(r.Name, out var record):
                    foreach (var member in record.Members) pending.Push(member.Type);
                    break;
            }
        }
        return new LayoutSet(
            Keep(all.Records, records),
            Keep(all.Enums, enums),
            Keep(all.Typedefs, typedefs),
            Keep(all.BaseTypes, bases));
    }

    private static ImmutableSortedDictionary<string, T> Keep<T>(ImmutableSortedDictionary<string, T> all, HashSet<string> names) =>
        all.Where(p => names.Contains(p.Key)).ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
