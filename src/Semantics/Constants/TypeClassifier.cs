using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Constants;

/// <summary>The categories of C11 6.2.5 the evaluator's rules branch on.</summary>
public enum TypeCategory { Integer, Floating, Complex, Pointer, Array, Function, Record, Void, Vector, Unknown }

/// <summary>A type's category and, for arithmetic types, the scalar it computes in (an enum's underlying type, a mode's integer type).</summary>
public readonly record struct TypeClass(TypeCategory Category, ScalarKind Scalar = ScalarKind.Int)
{
    public bool IsArithmetic => Category is TypeCategory.Integer or TypeCategory.Floating;

    public bool IsScalar => IsArithmetic || Category == TypeCategory.Pointer;

    public static TypeClass Of(CType type, ITypeLayoutQueries layout)
    {
        var t = type.StripTypedefsAndQualifiers();
        switch (t)
        {
            case ScalarType s:
                return new TypeClass(s.Kind.IsInteger() ? TypeCategory.Integer : s.Kind.IsComplex() ? TypeCategory.Complex : TypeCategory.Floating, s.Kind);
            case EnumType or ModeType:
            {
                var scalar = layout.ScalarOf(t);
                if (!scalar.TryGet(out var kind)) return new TypeClass(TypeCategory.Unknown);
                return new TypeClass(kind.IsInteger() ? TypeCategory.Integer : TypeCategory.Floating, kind);
            }
            case PointerType: return new TypeClass(TypeCategory.Pointer);
            case ArrayType: return new TypeClass(TypeCategory.Array);
            case FunctionType: return new TypeClass(TypeCategory.Function);
            case RecordType: return new TypeClass(TypeCategory.Record);
            case VoidType: return new TypeClass(TypeCategory.Void);
            case VectorType: return new TypeClass(TypeCategory.Vector);
            default: return new TypeClass(TypeCategory.Unknown);
        }
    }
}
