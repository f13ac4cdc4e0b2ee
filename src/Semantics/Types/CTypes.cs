namespace LayoutExpert.Semantics.Types;

/// <summary>Small helpers over <see cref="CType"/>.</summary>
public static class CTypes
{
    /// <summary>Adds qualifiers, merging with existing ones rather than nesting <see cref="QualifiedType"/>s.</summary>
    public static CType Qualify(CType type, TypeQualifiers qualifiers)
    {
        if (qualifiers == TypeQualifiers.None) return type;
        return type is QualifiedType q
            ? new QualifiedType(q.Unqualified, q.Qualifiers | qualifiers)
            : new QualifiedType(type, qualifiers);
    }

    /// <summary>The type without top-level qualifiers.</summary>
    public static CType Unqualified(this CType type) => type is QualifiedType q ? q.Unqualified : type;

    /// <summary>The type with top-level qualifiers and typedef names removed (attributes of the typedefs are lost: use for classification only).</summary>
    public static CType StripTypedefsAndQualifiers(this CType type)
    {
        while (true)
        {
            switch (type)
            {
                case QualifiedType q: type = q.Unqualified; break;
                case TypedefType t: type = t.Target; break;
                default: return type;
            }
        }
    }
}
