using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>Cuts a declaration set down to some subjects and everything they refer to, for readable counter-examples.</summary>
public static class DeclarationReducer
{
    public static Declarations Keep(Declarations declarations, IReadOnlySet<string> subjects)
    {
        var table = declarations.Table;
        var records = new HashSet<RecordId>();
        var enums = new HashSet<EnumId>();
        var typedefs = new HashSet<string>(StringComparer.Ordinal);

        void Visit(CType type)
        {
            switch (type)
            {
                case PointerType p: Visit(p.Target); break;
                case ArrayType a: Visit(a.Element); break;
                case QualifiedType q: Visit(q.Unqualified); break;
                case VectorType v: Visit(v.Element); break;
                case ModeType m: Visit(m.Base); break;
                case FunctionType f:
                    Visit(f.Return);
                    foreach (var parameter in f.Parameters) Visit(parameter);
                    break;
                case TypedefType t:
                    if (typedefs.Add(t.Name)) Visit(t.Target);
                    break;
                case EnumType e:
                    enums.Add(e.Id);
                    break;
                case RecordType r:
                    if (records.Add(r.Id) && table.FindRecord(r.Id) is { } definition)
                    {
                        foreach (var field in definition.Fields) Visit(field.Type);
                    }
                    break;
            }
        }

        foreach (var declaration in declarations.Order)
        {
            switch (declaration)
            {
                case RecordDeclaration r when subjects.Contains((r.Id.Kind == AggregateKind.Struct ? "struct " : "union ") + r.Id.Tag):
                    Visit(new RecordType(r.Id));
                    break;
                case EnumDeclaration e when subjects.Contains("enum " + e.Id.Tag):
                    Visit(new EnumType(e.Id));
                    break;
                case TypedefDeclaration t when subjects.Contains(t.Typedef.Name):
                    Visit(t.Typedef);
                    break;
            }
        }

        var order = declarations.Order.Where(d => d switch
        {
            RecordDeclaration r => records.Contains(r.Id),
            EnumDeclaration e => enums.Contains(e.Id),
            TypedefDeclaration t => typedefs.Contains(t.Typedef.Name),
            _ => false,
        }).ToImmutableArray();
        var keptTable = new TypeTable(
            table.Records.Where(kv => records.Contains(kv.Key)).ToImmutableDictionary(),
            table.Enums.Where(kv => enums.Contains(kv.Key)).ToImmutableDictionary(),
            table.Typedefs.Where(kv => typedefs.Contains(kv.Key)).ToImmutableDictionary());
        return new Declarations(keptTable, order);
    }
}
