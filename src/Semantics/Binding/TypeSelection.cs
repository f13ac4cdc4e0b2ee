using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Which of a unit's types to lay out, matching the two ways gcc fills its
/// DWARF: <see cref="All"/> is what <c>-fno-eliminate-unused-debug-types</c>
/// describes (every file-scope type; gcc's built-in <c>__builtin_va_list</c> only
/// when something uses it), <see cref="ReachableFrom"/> what plain <c>-g</c>
/// does: the types reachable from some roots (the globals' and functions'
/// types), following members, pointers (gcc describes the pointed-to
/// definition too), arrays, typedefs and function signatures.
/// </summary>
public static class TypeSelection
{
    public static TypeTable All(BoundTranslationUnit unit)
    {
        var types = unit.Types;
        // Every type but the built-in va_list ones, which stay when something else names them.
        var usesVaList = types.Typedefs.Values.Any(t => t.Name != BuiltinTypes.VaList && NamesVaList(t.Target, 0))
            || types.Records.Values.Any(r => !IsBuiltin(r.Id) && r.Fields.Any(f => NamesVaList(f.Type, 0)));
        if (usesVaList) return types;
        var vaListTag = new RecordId(AggregateKind.Struct, BuiltinTypes.VaListTag);
        return new TypeTable(types.Records.Remove(vaListTag), types.Enums, types.Typedefs.Remove(BuiltinTypes.VaList));
    }

    /// <summary>Whether a type mentions va_list's built-in types, looking through derivations (not into other records: their fields are checked on their own).</summary>
    private static bool NamesVaList(CType type, int depth) => depth < 100 && type switch
    {
        TypedefType t => t.Name == BuiltinTypes.VaList || NamesVaList(t.Target, depth + 1),
        RecordType r => IsBuiltin(r.Id),
        PointerType p => NamesVaList(p.Target, depth + 1),
        ArrayType a => NamesVaList(a.Element, depth + 1),
        QualifiedType q => NamesVaList(q.Unqualified, depth + 1),
        FunctionType f => NamesVaList(f.Return, depth + 1) || f.Parameters.Any(p => NamesVaList(p, depth + 1)),
        _ => false,
    };

    /// <summary>The types reachable from the unit's global variables and the functions whose signatures were bound.</summary>
    public static TypeTable FromGlobals(BoundTranslationUnit unit) =>
        ReachableFrom(unit.Types, unit.Globals.Values.Select(g => g.Type).Concat(unit.Functions.Values.Select(f => f.Type).OfType<CType>()));

    public static TypeTable ReachableFrom(BoundTranslationUnit unit, IEnumerable<CType> roots) => ReachableFrom(unit.Types, roots);

    public static TypeTable ReachableFrom(TypeTable types, IEnumerable<CType> roots)
    {
        var records = ImmutableDictionary.CreateBuilder<RecordId, RecordDefinition>();
        var enums = ImmutableDictionary.CreateBuilder<EnumId, EnumDefinition>();
        var typedefs = ImmutableDictionary.CreateBuilder<string, TypedefType>(StringComparer.Ordinal);
        var seen = new HashSet<CType>();
        var pending = new Stack<CType>(roots);
        var parts = new TypeParts.OntoStack(pending);
        while (pending.Count > 0)
        {
            var type = pending.Pop();
            if (!seen.Add(type) || TypeParts.Add(type, ref parts)) continue;
            switch (type)
            {
                case TypedefType t:
                    if (types.Typedefs.TryGetValue(t.Name, out var declared) && declared.Equals(t)) typedefs[t.Name] = t;
                    pending.Push(t.Target);
                    break;
                case RecordType r:
                    if (types.FindRecord(r.Id) is { } record && records.TryAdd(r.Id, record))
                    {
                        foreach (var field in record.Fields) pending.Push(field.Type);
                    }
                    break;
                case EnumType e:
                    if (types.FindEnum(e.Id) is { } @enum) enums.TryAdd(e.Id, @enum);
                    break;
            }
        }
        return new TypeTable(records.ToImmutable(), enums.ToImmutable(), typedefs.ToImmutable());
    }

    private static bool IsBuiltin(RecordId id) => id.Tag == BuiltinTypes.VaListTag && id.Discriminator is null;
}
