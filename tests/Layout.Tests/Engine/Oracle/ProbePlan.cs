using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>
/// Decides what to ask about a declaration set, from the type model alone (so
/// gcc and the engine get the same questions): every tagged record, enum and
/// typedef; every named member reachable through anonymous members, and
/// through named members of anonymous record type (and arrays of them, at index 0).
/// </summary>
public static class ProbePlan
{
    public static IReadOnlyList<Probe> For(Declarations declarations)
    {
        var table = declarations.Table;
        var probes = new List<Probe>();
        foreach (var declaration in declarations.Order)
        {
            switch (declaration)
            {
                case RecordDeclaration r:
                {
                    var subject = (r.Id.Kind == AggregateKind.Struct ? "struct " : "union ") + r.Id.Tag;
                    var type = new RecordType(r.Id);
                    probes.Add(new TypeProbe(subject, type, true));
                    Members(table, subject, type, r.Id, "", probes, depth: 0);
                    break;
                }
                case EnumDeclaration e:
                {
                    var subject = "enum " + e.Id.Tag;
                    probes.Add(new TypeProbe(subject, new EnumType(e.Id), true));
                    probes.Add(new KindProbe(subject, new EnumType(e.Id)));
                    break;
                }
                case TypedefDeclaration t:
                {
                    var typedef = t.Typedef;
                    var stripped = typedef.Target.StripTypedefsAndQualifiers();
                    if (stripped is VoidType or FunctionType || (stripped is RecordType rt && table.FindRecord(rt.Id) is null)) break;
                    probes.Add(new TypeProbe(typedef.Name, typedef, IsComplete(table, typedef)));
                    if (stripped is ModeType or EnumType || stripped is ScalarType { Kind: var k } && k.IsInteger())
                    {
                        probes.Add(new KindProbe(typedef.Name, typedef));
                    }
                    if (stripped is RecordType { Id.IsAnonymous: true } anonymous)
                    {
                        Members(table, typedef.Name, typedef, anonymous.Id, "", probes, depth: 0);
                    }
                    break;
                }
            }
        }
        return probes;
    }

    private static void Members(TypeTable table, string subject, CType owner, RecordId id, string prefix, List<Probe> probes, int depth)
    {
        if (depth > 8 || table.FindRecord(id) is not { } definition) return;
        foreach (var field in definition.Fields)
        {
            if (field.Name is null)
            {
                if (field.IsAnonymousMember && field.Type.StripTypedefsAndQualifiers() is RecordType inner)
                {
                    Members(table, subject, owner, inner.Id, prefix, probes, depth + 1);
                }
                continue;
            }
            var path = prefix + field.Name;
            if (field.IsBitField)
            {
                probes.Add(new BitFieldProbe(subject, owner, path));
                continue;
            }
            probes.Add(new MemberProbe(subject, owner, path, IsComplete(table, field.Type)));
            var type = field.Type.StripTypedefsAndQualifiers();
            var index = "";
            while (type is ArrayType { Length: > 0 } array)
            {
                index += "[0]";
                type = array.Element.StripTypedefsAndQualifiers();
            }
            if (type is RecordType { Id.IsAnonymous: true } nested)
            {
                Members(table, subject, owner, nested.Id, path + index + ".", probes, depth + 1);
            }
        }
    }

    /// <summary>Whether gcc can take sizeof the type (structurally; the oracle must not ask the engine).</summary>
    public static bool IsComplete(TypeTable table, CType type) => type.StripTypedefsAndQualifiers() switch
    {
        VoidType or FunctionType => false,
        ArrayType { Length: null } => false,
        ArrayType array => IsComplete(table, array.Element),
        RecordType record => table.FindRecord(record.Id) is not null,
        EnumType @enum => table.FindEnum(@enum.Id) is not null,
        _ => true,
    };
}
