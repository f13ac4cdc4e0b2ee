namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The types a derived type is built from (C11 6.2.5p20: a pointer's
/// referenced type, an array's element, a function's return and parameters;
/// 6.2.5p26: a qualified type's unqualified version; gcc's vector element and
/// mode base): what a walk over every type a declaration can reach follows
/// before it meets named types (typedefs, tags), which each walk treats its
/// own way. The sink is a struct so each walk's pushes are inlined.
/// </summary>
public static class TypeParts
{
    public interface ISink
    {
        void Add(CType part);
    }

    /// <summary>Hands the parts of <paramref name="type"/> to <paramref name="sink"/>; false when it is not a derived type.</summary>
    public static bool Add<TSink>(CType type, ref TSink sink)
        where TSink : struct, ISink
    {
        switch (type)
        {
            case PointerType p:
                sink.Add(p.Target);
                return true;
            case ArrayType a:
                sink.Add(a.Element);
                return true;
            case QualifiedType q:
                sink.Add(q.Unqualified);
                return true;
            case VectorType v:
                sink.Add(v.Element);
                return true;
            case ModeType m:
                sink.Add(m.Base);
                return true;
            case FunctionType f:
                sink.Add(f.Return);
                foreach (var parameter in f.Parameters) sink.Add(parameter);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A sink pushing onto a stack of types.</summary>
    public readonly struct OntoStack(Stack<CType> stack) : ISink
    {
        public void Add(CType part) => stack.Push(part);
    }
}
