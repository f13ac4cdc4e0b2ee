using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Constants;

internal sealed partial class ConstantEvaluator
{
    /// <summary>
    /// Lvalue conversion and decay (C11 6.3.2.1): an array becomes a pointer to
    /// its first element and a function a pointer to it, keeping the address
    /// as the value; reading any other object gives no constant.
    /// </summary>
    private Operand Rvalue(Operand operand)
    {
        if (!operand.HasType) return operand;
        var stripped = operand.Type!.StripTypedefsAndQualifiers();
        switch (stripped)
        {
            case ArrayType array:
                return new Operand(new PointerType(array.Element), operand.Value as AddressConstant, false);
            case FunctionType:
                return new Operand(new PointerType(operand.Type!), operand.Value as AddressConstant, false);
        }
        if (operand.BitField is { BitWidth: { } width } && Classify(operand.Type!) is { Category: TypeCategory.Integer } bits)
        {
            // A bit-field narrower than int promotes to int, one of int's width to int or unsigned int
            // (C11 6.3.1.1p2); gcc gives wider ones a type of their own precision, approximated by the declared type.
            var intBits = Model.Precision(ScalarKind.Int);
            var type = width < intBits ? ScalarType.Int
                : width == intBits ? (Model.IsUnsigned(bits.Scalar) ? ScalarType.UnsignedInt : ScalarType.Int)
                : operand.Type!.Unqualified();
            return new Operand(type, null, false);
        }
        if (operand.IsLvalue) return new Operand(operand.Type!.Unqualified(), null, false);
        return operand with { Type = operand.Type!.Unqualified(), BitField = null };
    }

    /// <summary>A cast (C11 6.5.4) or an implicit conversion as if by assignment.</summary>
    private Operand Convert(Operand operand, CType target, bool explicitCast)
    {
        var to = Classify(target);
        var value = operand.Value;
        switch (to.Category)
        {
            case TypeCategory.Integer:
            {
                Constant? result = value switch
                {
                    IntegerConstant i => IntegerConstant.Of(Model.Convert(i.Value, to.Scalar)),
                    FloatConstant f when to.Scalar == ScalarKind.Bool => IntegerConstant.Of(f.Value != 0 ? 1 : 0),
                    FloatConstant f when !double.IsNaN(f.Value) && Math.Abs(f.Value) < 1.7e38 => IntegerConstant.Of(Model.Convert((Int128)Math.Truncate(f.Value), to.Scalar)),
                    AddressConstant { Symbol: null } a => IntegerConstant.Of(Model.Convert(a.Offset, to.Scalar)),
                    AddressConstant when to.Scalar == ScalarKind.Bool => IntegerConstant.Of(1),
                    _ => null,
                };
                // C11 6.6p6: an integer constant expression may cast arithmetic constants to integer types; not pointers.
                var ice = operand.IsIntegerConstantExpression || (explicitCast && value is FloatConstant);
                if (value is AddressConstant) ice = false;
                return new Operand(target, result, ice && result is not null);
            }
            case TypeCategory.Floating:
            {
                Constant? result = value switch
                {
                    IntegerConstant i => new FloatConstant(IsUnsigned128(operand) ? (double)(UInt128)i.Value : (double)i.Value),
                    FloatConstant f => to.Scalar == ScalarKind.Float ? new FloatConstant((float)f.Value) : f,
                    _ => null,
                };
                return new Operand(target, result, false);
            }
            case TypeCategory.Pointer:
            {
                Constant? result = value switch
                {
                    IntegerConstant i when i.Value >= long.MinValue && i.Value <= ulong.MaxValue => new AddressConstant(null, unchecked((long)(ulong)(i.Value & ulong.MaxValue))),
                    AddressConstant a => a,
                    _ => null,
                };
                // The flag keeps "came from an integer constant expression", which makes (void *)0 a null pointer constant.
                return new Operand(target, result, operand.IsIntegerConstantExpression && value is IntegerConstant);
            }
            default:
                return new Operand(target, null, false);
        }
    }

    private bool IsUnsigned128(Operand operand) =>
        operand.HasType && Classify(operand.Type!) is { Category: TypeCategory.Integer, Scalar: ScalarKind.UnsignedInt128 };

    /// <summary>C11 6.3.2.3p3: an integer constant expression with value 0, or one cast to <c>void *</c>.</summary>
    private bool IsNullPointerConstant(Operand operand)
    {
        if (!operand.HasType || !operand.IsIntegerConstantExpression) return false;
        var type = Classify(operand.Type!);
        if (type.Category == TypeCategory.Integer) return operand.Integer == 0;
        return type.Category == TypeCategory.Pointer
            && operand.Type!.StripTypedefsAndQualifiers() is PointerType { Target: VoidType }
            && operand.Value is AddressConstant { Symbol: null, Offset: 0 };
    }

    /// <summary>( type-name ) operand. Slots: 0 '(', 1 type name, 2 ')', 3 operand.</summary>
    private Operand Cast(GNode cast)
    {
        if (!cast.Node(1).IsPresent) return Operand.Error;
        var target = context.BindTypeName(cast.Node(1));
        var operand = Rvalue(Evaluate(cast.Node(3)));
        if (target is null || !operand.HasType) return Operand.Error;
        var to = Classify(target);
        var from = Classify(operand.Type!);
        if (to.Category == TypeCategory.Void) return new Operand(target, null, false);
        if (!to.IsScalar && to.Category != TypeCategory.Vector)
        {
            // GNU cast to union type: the operand becomes a member.
            if (to.Category == TypeCategory.Record) return new Operand(target, null, false);
            return Fail(cast, SemanticDiagnostics.InvalidOperand, "conversion to non-scalar type " + target.Spelling + " requested");
        }
        if (!from.IsScalar && from.Category != TypeCategory.Vector)
        {
            return Fail(cast, SemanticDiagnostics.InvalidOperand, "cannot convert " + operand.Type!.Spelling + " to " + target.Spelling);
        }
        return Convert(operand, target, explicitCast: true);
    }

    /// <summary>The usual arithmetic conversions (C11 6.3.1.8): the common real type of two arithmetic operands.</summary>
    private ScalarKind CommonType(TypeClass a, TypeClass b)
    {
        if (a.Category == TypeCategory.Floating || b.Category == TypeCategory.Floating)
        {
            static int FloatRank(TypeClass t) => t.Category != TypeCategory.Floating ? -1 : t.Scalar switch
            {
                ScalarKind.Float16 => 0,
                ScalarKind.Float => 1,
                ScalarKind.Double => 2,
                _ => 3,
            };
            return FloatRank(a) >= FloatRank(b) ? a.Scalar : b.Scalar;
        }
        return Model.Common(a.Scalar, b.Scalar);
    }
}
