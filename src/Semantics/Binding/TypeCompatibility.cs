using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// Compatible types (C11 6.2.7), as gcc's comptypes decides them for
/// <c>__builtin_types_compatible_p</c> and <c>_Generic</c>: typedef names are
/// transparent; qualifiers must match below the top level; an enum is
/// compatible with its underlying integer type (6.7.2.2p4); arrays with
/// compatible elements and equal (or unknown) lengths; functions by return
/// and parameter types (an unprototyped one matches any parameters).
/// </summary>
public static class TypeCompatibility
{
    public static bool Compatible(CType a, CType b, ITypeLayoutQueries layout) => Compatible(a, b, layout, 0);

    private static bool Compatible(CType a, CType b, ITypeLayoutQueries layout, int depth)
    {
        if (depth > 100) return false;
        var (x, qx) = Peel(a);
        var (y, qy) = Peel(b);
        if (qx != qy) return false;
        if (x.Equals(y)) return true;
        switch (x, y)
        {
            case (PointerType p, PointerType q):
                return Compatible(p.Target, q.Target, layout, depth + 1);
            case (ArrayType p, ArrayType q):
                return (p.Length is null || q.Length is null || p.Length == q.Length) && Compatible(p.Element, q.Element, layout, depth + 1);
            case (FunctionType f, FunctionType g):
                if (!Compatible(f.Return, g.Return, layout, depth + 1)) return false;
                if (!f.HasPrototype || !g.HasPrototype) return true;
                if (f.IsVariadic != g.IsVariadic || f.Parameters.Length != g.Parameters.Length) return false;
                for (var i = 0; i < f.Parameters.Length; i++)
                {
                    if (!Compatible(f.Parameters[i].Unqualified(), g.Parameters[i].Unqualified(), layout, depth + 1)) return false;
                }
                return true;
            case (EnumType, ScalarType s):
                return layout.ScalarOf(x).TryGet(out var k) && k == s.Kind;
            case (ScalarType s, EnumType):
                return layout.ScalarOf(y).TryGet(out var m) && m == s.Kind;
            case (ModeType, _) or (_, ModeType):
                return layout.ScalarOf(x).TryGet(out var mx) && layout.ScalarOf(y).TryGet(out var my) && mx == my
                    && (x is ModeType || x is ScalarType) && (y is ModeType || y is ScalarType);
            case (VectorType v, VectorType w):
                return v.SizeBytes == w.SizeBytes && Compatible(v.Element, w.Element, layout, depth + 1);
            default:
                return false;
        }
    }

    /// <summary>The type with typedef names resolved and its qualifiers collected (qualifiers on an array apply to its elements, C11 6.7.3p9).</summary>
    private static (CType Type, TypeQualifiers Qualifiers) Peel(CType type)
    {
        var qualifiers = TypeQualifiers.None;
        while (true)
        {
            switch (type)
            {
                case QualifiedType q:
                    qualifiers |= q.Qualifiers;
                    type = q.Unqualified;
                    break;
                case TypedefType t:
                    type = t.Target;
                    break;
                case ArrayType a when qualifiers != TypeQualifiers.None:
                    return (a with { Element = CTypes.Qualify(a.Element, qualifiers) }, TypeQualifiers.None);
                default:
                    return (type, qualifiers);
            }
        }
    }
}
