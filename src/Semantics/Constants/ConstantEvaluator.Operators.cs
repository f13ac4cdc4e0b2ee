using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Constants;

internal sealed partial class ConstantEvaluator
{
    /// <summary>op operand. Slots: 0 operator token, 1 operand.</summary>
    private Operand Prefix(GNode unary)
    {
        var op = unary.Token(0);
        var operandNode = unary.Node(1);
        switch (op.Kind)
        {
            case SyntaxKind.AmpersandToken: return AddressOf(unary, operandNode);
            case SyntaxKind.AsteriskToken: return Dereference(unary, Rvalue(Evaluate(operandNode)));
            case SyntaxKind.AmpersandAmpersandToken: return Fail(unary, SemanticDiagnostics.InvalidOperand, "label address outside a function");
            case SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken:
                return Evaluate(operandNode) is { HasType: true } target ? Rvalue(target).WithoutValue() : Operand.Error;
        }
        switch (op.Keyword)
        {
            case CKeyword.Extension: return Evaluate(operandNode);
            case CKeyword.Real or CKeyword.Imag:
            {
                var complex = Rvalue(Evaluate(operandNode));
                if (!complex.HasType) return complex;
                var kind = Classify(complex.Type!);
                if (kind.Category != TypeCategory.Complex) return complex;
                var part = kind.Scalar switch
                {
                    ScalarKind.ComplexFloat => ScalarKind.Float,
                    ScalarKind.ComplexDouble => ScalarKind.Double,
                    _ => ScalarKind.LongDouble,
                };
                return Operand.Of(Scalar(part));
            }
        }

        var operand = Rvalue(Evaluate(operandNode));
        if (!operand.HasType) return operand;
        var type = Classify(operand.Type!);
        switch (op.Kind)
        {
            case SyntaxKind.ExclamationToken:
            {
                if (!type.IsScalar) return Fail(unary, SemanticDiagnostics.InvalidOperand, "wrong type argument to unary exclamation mark");
                var truth = Truth(operand);
                return new Operand(Scalar(ScalarKind.Int), truth is { } t ? IntegerConstant.Of(t ? 0 : 1) : null,
                    operand.IsIntegerConstantExpression && truth is not null);
            }
            case SyntaxKind.PlusToken or SyntaxKind.MinusToken:
            {
                if (!type.IsArithmetic) return Fail(unary, SemanticDiagnostics.InvalidOperand, "wrong type argument to unary " + (op.Kind == SyntaxKind.PlusToken ? "plus" : "minus"));
                if (type.Category == TypeCategory.Floating)
                {
                    var f = operand.Value as FloatConstant;
                    return new Operand(operand.Type, f is null ? null : new FloatConstant(op.Kind == SyntaxKind.MinusToken ? -f.Value : f.Value), false);
                }
                var kind = Model.Promote(type.Scalar);
                if (operand.Integer is not { } v) return Operand.Of(Scalar(kind));
                v = Model.Convert(v, kind);
                return IntegerResult(op.Kind == SyntaxKind.MinusToken ? -v : v, kind, operand.IsIntegerConstantExpression);
            }
            case SyntaxKind.TildeToken:
            {
                if (type.Category != TypeCategory.Integer) return Fail(unary, SemanticDiagnostics.InvalidOperand, "wrong type argument to bit-complement");
                var kind = Model.Promote(type.Scalar);
                return operand.Integer is { } v ? IntegerResult(~Model.Convert(v, kind), kind, operand.IsIntegerConstantExpression) : Operand.Of(Scalar(kind));
            }
            default:
                return Fail(unary, SemanticDiagnostics.Unsupported, "operator " + op.ValueText);
        }
    }

    /// <summary>A scalar's truth value, when known: a null address is false, any other address true.</summary>
    private static bool? Truth(Operand operand) => operand.Value switch
    {
        IntegerConstant i => i.Value != 0,
        FloatConstant f => f.Value != 0,
        AddressConstant { Symbol: null } a => a.Offset != 0,
        AddressConstant => true,
        _ => null,
    };

    /// <summary>left op right. Slots: 0 left, 1 operator token, 2 right.</summary>
    private Operand Binary(GNode binary)
    {
        var operatorToken = binary.Token(1);
        var op = operatorToken.Kind;
        if (op == SyntaxKind.CommaToken)
        {
            Evaluate(binary.Node(0));
            var right = Rvalue(Evaluate(binary.Node(2)));
            return right.HasType ? right with { IsIntegerConstantExpression = false } : right;
        }
        var left = Rvalue(Evaluate(binary.Node(0)));
        if (op is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken) return Logical(binary, left, op == SyntaxKind.AmpersandAmpersandToken);
        var rightOperand = Rvalue(Evaluate(binary.Node(2)));
        if (!left.HasType || !rightOperand.HasType) return Operand.Error;
        var a = Classify(left.Type!);
        var b = Classify(rightOperand.Type!);
        var ice = left.IsIntegerConstantExpression && rightOperand.IsIntegerConstantExpression;

        if (a.Category == TypeCategory.Pointer || b.Category == TypeCategory.Pointer)
        {
            return PointerArithmetic(binary, operatorToken.ValueText, op, left, a, rightOperand, b);
        }
        if (!a.IsArithmetic || !b.IsArithmetic)
        {
            return Fail(binary, SemanticDiagnostics.InvalidOperand, $"invalid operands to binary {operatorToken.ValueText} (have '{left.Type!.Spelling}' and '{rightOperand.Type!.Spelling}')");
        }

        if (op is SyntaxKind.LessLessToken or SyntaxKind.GreaterGreaterToken)
        {
            if (a.Category != TypeCategory.Integer || b.Category != TypeCategory.Integer)
            {
                return Fail(binary, SemanticDiagnostics.InvalidOperand, "invalid operands to binary " + operatorToken.ValueText);
            }
            var kind = Model.Promote(a.Scalar);
            if (left.Integer is not { } lv || rightOperand.Integer is not { } count) return Operand.Of(Scalar(kind));
            return IntegerResult(Shift(Model.Convert(lv, kind), count, kind, op == SyntaxKind.LessLessToken), kind, ice);
        }

        var common = CommonType(a, b);
        var isComparison = op is SyntaxKind.LessToken or SyntaxKind.GreaterToken or SyntaxKind.LessEqualsToken
            or SyntaxKind.GreaterEqualsToken or SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken;
        var resultKind = isComparison ? ScalarKind.Int : common;
        if (common.IsFloating())
        {
            if (op is SyntaxKind.PercentToken or SyntaxKind.AmpersandToken or SyntaxKind.BarToken or SyntaxKind.CaretToken)
            {
                return Fail(binary, SemanticDiagnostics.InvalidOperand, "invalid operands to binary " + operatorToken.ValueText);
            }
            var x = AsDouble(left);
            var y = AsDouble(rightOperand);
            if (x is null || y is null) return Operand.Of(Scalar(resultKind));
            return FloatArithmetic(op, x.Value, y.Value, resultKind);
        }
        if (left.Integer is not { } l || rightOperand.Integer is not { } r) return Operand.Of(Scalar(resultKind));
        l = Model.Convert(l, common);
        r = Model.Convert(r, common);
        if (op is SyntaxKind.SlashToken or SyntaxKind.PercentToken && r == 0)
        {
            Report(SemanticDiagnostics.DivisionByZero, binary);
            return Operand.Of(Scalar(resultKind));
        }
        var wide = common == ScalarKind.UnsignedInt128;
        Int128 result = op switch
        {
            SyntaxKind.PlusToken => l + r,
            SyntaxKind.MinusToken => l - r,
            SyntaxKind.AsteriskToken => l * r,
            SyntaxKind.SlashToken => wide ? (Int128)((UInt128)l / (UInt128)r) : Divide(l, r),
            SyntaxKind.PercentToken => wide ? (Int128)((UInt128)l % (UInt128)r) : Remainder(l, r),
            SyntaxKind.AmpersandToken => l & r,
            SyntaxKind.BarToken => l | r,
            SyntaxKind.CaretToken => l ^ r,
            SyntaxKind.LessToken => Compare(l, r, wide) < 0 ? 1 : 0,
            SyntaxKind.GreaterToken => Compare(l, r, wide) > 0 ? 1 : 0,
            SyntaxKind.LessEqualsToken => Compare(l, r, wide) <= 0 ? 1 : 0,
            SyntaxKind.GreaterEqualsToken => Compare(l, r, wide) >= 0 ? 1 : 0,
            SyntaxKind.EqualsEqualsToken => l == r ? 1 : 0,
            SyntaxKind.ExclamationEqualsToken => l != r ? 1 : 0,
            _ => 0,
        };
        return IntegerResult(result, resultKind, ice);
    }

    /// <summary>Unsigned __int128 values are kept as bit patterns, so they compare as unsigned.</summary>
    private static int Compare(Int128 a, Int128 b, bool unsigned128) =>
        unsigned128 ? ((UInt128)a).CompareTo((UInt128)b) : a.CompareTo(b);

    /// <summary>Truncating division; the one overflowing case (the minimum value divided by -1) wraps, as gcc folds it.</summary>
    private static Int128 Divide(Int128 a, Int128 b) => b == -1 ? -a : a / b;

    private static Int128 Remainder(Int128 a, Int128 b) => b == -1 ? 0 : a % b;

    /// <summary>Shifts by a count outside [0, precision) fold to what gcc's wide-int folding gives: 0, or -1 for a negative value shifted right.</summary>
    private Int128 Shift(Int128 value, Int128 count, ScalarKind kind, bool left)
    {
        var precision = Model.Precision(kind);
        if (count < 0)
        {
            count = -count;
            left = !left;
        }
        if (count >= precision) return left || value >= 0 || Model.IsUnsigned(kind) ? 0 : -1;
        var n = (int)count;
        if (left) return value << n;
        if (Model.IsUnsigned(kind))
        {
            var bits = precision >= 128 ? (UInt128)value : (UInt128)(value & ((Int128.One << precision) - 1));
            return (Int128)(bits >> n);
        }
        return value >> n;
    }

    private double? AsDouble(Operand operand) => operand.Value switch
    {
        FloatConstant f => f.Value,
        IntegerConstant i => IsUnsigned128(operand) ? (double)(UInt128)i.Value : (double)i.Value,
        _ => null,
    };

    private Operand FloatArithmetic(SyntaxKind op, double x, double y, ScalarKind resultKind)
    {
        var truth = op switch
        {
            SyntaxKind.LessToken => x < y,
            SyntaxKind.GreaterToken => x > y,
            SyntaxKind.LessEqualsToken => x <= y,
            SyntaxKind.GreaterEqualsToken => x >= y,
            SyntaxKind.EqualsEqualsToken => x == y,
            SyntaxKind.ExclamationEqualsToken => x != y,
            _ => (bool?)null,
        };
        if (truth is { } t) return IntegerResult(t ? 1 : 0, ScalarKind.Int, ice: false);
        var value = op switch
        {
            SyntaxKind.PlusToken => x + y,
            SyntaxKind.MinusToken => x - y,
            SyntaxKind.AsteriskToken => x * y,
            _ => x / y,
        };
        if (resultKind == ScalarKind.Float) value = (float)value;
        return new Operand(Scalar(resultKind), new FloatConstant(value), false);
    }

    private Operand Logical(GNode binary, Operand left, bool isAnd)
    {
        var right = Rvalue(Evaluate(binary.Node(2)));
        if (!left.HasType || !right.HasType) return Operand.Error;
        if (!Classify(left.Type!).IsScalar || !Classify(right.Type!).IsScalar)
        {
            return Fail(binary, SemanticDiagnostics.InvalidOperand, "used struct type value where scalar is required");
        }
        var l = Truth(left);
        var r = Truth(right);
        bool? result = l switch
        {
            false when isAnd => false,
            true when !isAnd => true,
            null => null,
            _ => r,
        };
        var decidedByLeft = (l == false && isAnd) || (l == true && !isAnd);
        var ice = left.IsIntegerConstantExpression && (decidedByLeft || right.IsIntegerConstantExpression);
        return new Operand(Scalar(ScalarKind.Int), result is { } v ? IntegerConstant.Of(v ? 1 : 0) : null, ice && result is not null);
    }

    private Operand PointerArithmetic(GNode binary, string spelling, SyntaxKind op, Operand left, TypeClass a, Operand right, TypeClass b)
    {
        switch (op)
        {
            case SyntaxKind.PlusToken or SyntaxKind.MinusToken when a.Category == TypeCategory.Pointer && b.Category == TypeCategory.Integer:
                return Offset(binary, left, right, op == SyntaxKind.MinusToken);
            case SyntaxKind.PlusToken when a.Category == TypeCategory.Integer && b.Category == TypeCategory.Pointer:
                return Offset(binary, right, left, negate: false);
            case SyntaxKind.MinusToken when a.Category == TypeCategory.Pointer && b.Category == TypeCategory.Pointer:
            {
                var type = Scalar(Model.PtrDiffType);
                if (left.Value is not AddressConstant x || right.Value is not AddressConstant y || x.Symbol != y.Symbol) return Operand.Of(type);
                var size = ElementSize(binary, left.Type!);
                if (size is not { } s || s == 0) return Operand.Of(type);
                return new Operand(type, IntegerConstant.Of((x.Offset - y.Offset) / s), false);
            }
            case SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken or SyntaxKind.LessToken or SyntaxKind.GreaterToken
                or SyntaxKind.LessEqualsToken or SyntaxKind.GreaterEqualsToken:
            {
                var type = Scalar(ScalarKind.Int);
                var x = left.Value switch { AddressConstant p => p, IntegerConstant i => new AddressConstant(null, (long)i.Value), _ => null };
                var y = right.Value switch { AddressConstant p => p, IntegerConstant i => new AddressConstant(null, (long)i.Value), _ => null };
                if (x is null || y is null) return Operand.Of(type);
                bool? truth = x.Symbol == y.Symbol
                    ? op switch
                    {
                        SyntaxKind.EqualsEqualsToken => x.Offset == y.Offset,
                        SyntaxKind.ExclamationEqualsToken => x.Offset != y.Offset,
                        SyntaxKind.LessToken => x.Offset < y.Offset,
                        SyntaxKind.GreaterToken => x.Offset > y.Offset,
                        SyntaxKind.LessEqualsToken => x.Offset <= y.Offset,
                        _ => x.Offset >= y.Offset,
                    }
                    : (x.Symbol is null || y.Symbol is null) && op is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken
                        ? op == SyntaxKind.ExclamationEqualsToken
                        : null;
                return truth is { } t ? new Operand(type, IntegerConstant.Of(t ? 1 : 0), false) : Operand.Of(type);
            }
            default:
                return Fail(binary, SemanticDiagnostics.InvalidOperand, $"invalid operands to binary {spelling} (have '{left.Type!.Spelling}' and '{right.Type!.Spelling}')");
        }
    }

    private Operand Offset(GNode at, Operand pointer, Operand index, bool negate)
    {
        var type = pointer.Type!;
        if (pointer.Value is not AddressConstant address || index.Integer is not { } i) return Operand.Of(type);
        if (ElementSize(at, type) is not { } size) return Operand.Of(type);
        var delta = (long)(negate ? -i : i) * size;
        return new Operand(type, address with { Offset = address.Offset + delta }, false);
    }

    /// <summary>The size of what a pointer points to; GNU C counts void and functions as 1.</summary>
    private long? ElementSize(GNode at, CType pointer)
    {
        if (pointer.StripTypedefsAndQualifiers() is not PointerType p) return null;
        var size = Layout.SizeOf(p.Target);
        if (size.TryGet(out var s)) return s;
        Report(SemanticDiagnostics.Layout, at, size.Problem.Message);
        return null;
    }

    /// <summary>condition ? a : b, GNU "condition ?: b". Slots: 0 condition, 1 '?', 2 middle?, 3 ':', 4 last.</summary>
    private Operand Conditional(GNode conditional)
    {
        var condition = Rvalue(Evaluate(conditional.Node(0)));
        var whenTrue = conditional.Node(2).IsPresent ? Rvalue(Evaluate(conditional.Node(2))) : condition;
        var whenFalse = Rvalue(Evaluate(conditional.Node(4)));
        if (!condition.HasType || !whenTrue.HasType || !whenFalse.HasType) return Operand.Error;
        var type = ConditionalType(conditional, whenTrue, whenFalse);
        if (type is null) return Operand.Error;
        var truth = Truth(condition);
        var chosen = truth switch { true => whenTrue, false => whenFalse, null => (Operand?)null };
        if (chosen is not { } c) return Operand.Of(type);
        var converted = Convert(c, type, explicitCast: false);
        var ice = condition.IsIntegerConstantExpression && whenTrue.IsIntegerConstantExpression && whenFalse.IsIntegerConstantExpression;
        return converted with { IsIntegerConstantExpression = ice && converted.Value is not null };
    }

    /// <summary>C11 6.5.15p3-6: the type of a conditional expression.</summary>
    private CType? ConditionalType(GNode at, Operand x, Operand y)
    {
        var a = Classify(x.Type!);
        var b = Classify(y.Type!);
        if (a.IsArithmetic && b.IsArithmetic) return Scalar(CommonType(a, b));
        if (a.Category == TypeCategory.Void || b.Category == TypeCategory.Void) return VoidType.Instance;
        if (a.Category == TypeCategory.Pointer && b.Category == TypeCategory.Pointer)
        {
            if (IsNullPointerConstant(x)) return y.Type;
            if (IsNullPointerConstant(y)) return x.Type;
            var pa = (PointerType)x.Type!.StripTypedefsAndQualifiers();
            var pb = (PointerType)y.Type!.StripTypedefsAndQualifiers();
            var qualifiers = Qualifiers(pa.Target) | Qualifiers(pb.Target);
            if (pa.Target.StripTypedefsAndQualifiers() is VoidType || pb.Target.StripTypedefsAndQualifiers() is VoidType)
            {
                return new PointerType(CTypes.Qualify(VoidType.Instance, qualifiers));
            }
            return new PointerType(CTypes.Qualify(pa.Target.Unqualified(), qualifiers));
        }
        if (a.Category == TypeCategory.Pointer && b.Category == TypeCategory.Integer) return x.Type;
        if (b.Category == TypeCategory.Pointer && a.Category == TypeCategory.Integer) return y.Type;
        if (a.Category == TypeCategory.Record && b.Category == TypeCategory.Record) return x.Type;
        Report(SemanticDiagnostics.InvalidOperand, at, "type mismatch in conditional expression");
        return null;
    }

    private static TypeQualifiers Qualifiers(CType type)
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
                default:
                    return qualifiers;
            }
        }
    }
}
