using LayoutExpert.Semantics.Binding;
using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;

namespace LayoutExpert.Semantics.Constants;

internal sealed partial class ConstantEvaluator
{
    /// <summary>sizeof / __alignof__ of an expression. Slots: 0 keyword, 1 operand.</summary>
    private Operand SizeofExpression(GNode sizeof_)
    {
        var isAlignof = sizeof_.Kind == SyntaxKind.AlignofExpression;
        var operand = Evaluate(sizeof_.Node(1));
        if (!operand.HasType) return operand;
        if (operand.BitField is not null)
        {
            return Fail(sizeof_, SemanticDiagnostics.InvalidOperand, $"'{(isAlignof ? "__alignof__" : "sizeof")}' applied to a bit-field");
        }
        return SizeOrAlignment(sizeof_, operand.Type!, isAlignof);
    }

    /// <summary>sizeof ( type-name ). Slots: 0 keyword, 1 '(', 2 type name, 3 ')'.</summary>
    private Operand SizeofType(GNode sizeof_)
    {
        if (!sizeof_.Node(2).IsPresent) return Operand.Error;
        var type = context.BindTypeName(sizeof_.Node(2));
        return type is null ? Operand.Error : SizeOrAlignment(sizeof_, type, sizeof_.Kind == SyntaxKind.AlignofTypeExpression);
    }

    private Operand SizeOrAlignment(GNode at, CType type, bool alignment)
    {
        var result = alignment ? Layout.AlignOf(type) : Layout.SizeOf(type);
        if (!result.TryGet(out var bytes)) return Fail(at, SemanticDiagnostics.Layout, result.Problem.Message);
        return IntegerResult(bytes, Model.SizeType, ice: true);
    }

    /// <summary>__builtin_types_compatible_p: 1 when the types are compatible, top-level qualifiers ignored (GCC "Other Builtins").</summary>
    /// <remarks>Slots: 0 keyword, 1 '(', 2 type, 3 ',', 4 type, 5 ')'.</remarks>
    private Operand TypesCompatible(GNode compatible)
    {
        if (!compatible.Node(2).IsPresent || !compatible.Node(4).IsPresent) return Operand.Error;
        var a = context.BindTypeName(compatible.Node(2));
        var b = context.BindTypeName(compatible.Node(4));
        if (a is null || b is null) return Operand.Error;
        var same = TypeCompatibility.Compatible(a.Unqualified(), b.Unqualified(), Layout);
        return IntegerResult(same ? 1 : 0, ScalarKind.Int, ice: true);
    }

    /// <summary>__builtin_choose_expr: the condition must be an integer constant; the result is the chosen operand, the other one is not evaluated.</summary>
    /// <remarks>Slots: 0 keyword, 1 '(', 2 condition, 3 ',', 4 a, 5 ',', 6 b, 7 ')'.</remarks>
    private Operand Choose(GNode choose)
    {
        var condition = Rvalue(Evaluate(choose.Node(2)));
        if (!condition.HasType) return condition;
        if (condition.Integer is not { } value)
        {
            return Fail(choose, SemanticDiagnostics.NotAConstant, "first argument to '__builtin_choose_expr'");
        }
        return Evaluate(value != 0 ? choose.Node(4) : choose.Node(6));
    }

    /// <summary>_Generic (C11 6.5.1.1): the association whose type is compatible with the controlling expression's type after lvalue conversion.</summary>
    /// <remarks>Slots: 0 keyword, 1 '(', 2 expression, 3 ',', 4 associations (type name or 'default', ':', expression), 5 ')'.</remarks>
    private Operand Generic(GNode generic)
    {
        var controlling = Quietly(generic.Node(2));
        if (!controlling.HasType) controlling = Evaluate(generic.Node(2));
        if (!controlling.HasType) return controlling;
        var type = Rvalue(controlling).Type!.Unqualified();
        GNode fallback = default;
        foreach (var association in generic.Nodes(4, SyntaxKind.GenericAssociation))
        {
            if (association.Token(0).IsPresent)
            {
                fallback = association.Node(2);
                continue;
            }
            if (!association.Node(0).IsPresent || context.BindTypeName(association.Node(0)) is not { } candidate) continue;
            if (TypeCompatibility.Compatible(type, candidate, Layout)) return Evaluate(association.Node(2));
        }
        if (fallback.IsPresent) return Evaluate(fallback);
        return Fail(generic, SemanticDiagnostics.InvalidOperand, "'_Generic' selector of type '" + type.Spelling + "' is not compatible with any association");
    }

    /// <summary>
    /// A call: the GNU built-ins gcc folds at file scope (<c>__builtin_constant_p</c>,
    /// <c>__builtin_expect</c>, bit counting, byte swapping); any other call is
    /// typed by the function's declaration and has no constant value.
    /// </summary>
    /// <remarks>Slots: 0 callee, 1 '(', 2 list of arguments and commas, 3 ')'.</remarks>
    private Operand Call(GNode call)
    {
        var arguments = new List<GNode>();
        foreach (var child in call.Node(2))
        {
            if (!child.IsToken && child.Kind != SyntaxKind.TypeName) arguments.Add(child.Node);
        }
        var callee = call.Node(0);
        if (callee.Kind == SyntaxKind.IdentifierName && callee.Token(0).ValueText is var name && name.StartsWith("__builtin_", StringComparison.Ordinal)
            && context.LookupOrdinary(name) is null)
        {
            return Builtin(call, name, arguments);
        }
        var calleeOperand = Rvalue(Evaluate(callee));
        foreach (var argument in arguments) Evaluate(argument);
        if (!calleeOperand.HasType) return calleeOperand;
        if (calleeOperand.Type!.StripTypedefsAndQualifiers() is PointerType { Target: var target }
            && target.StripTypedefsAndQualifiers() is FunctionType function)
        {
            return Operand.Of(function.Return);
        }
        return Fail(call, SemanticDiagnostics.InvalidOperand, "called object is not a function or function pointer");
    }

    private Operand Builtin(GNode call, string name, List<GNode> arguments)
    {
        switch (name)
        {
            case "__builtin_constant_p":
            {
                // gcc at file scope: 1 exactly when the operand folds to a constant; no diagnostics from the operand.
                var operand = arguments.Count == 1 ? Rvalue(Quietly(arguments[0])) : Operand.Error;
                var constant = operand.Value is IntegerConstant or FloatConstant;
                return IntegerResult(constant ? 1 : 0, ScalarKind.Int, ice: true);
            }
            case "__builtin_expect" or "__builtin_expect_with_probability":
            {
                if (arguments.Count < 2) return Fail(call, SemanticDiagnostics.InvalidOperand, "too few arguments to function '" + name + "'");
                var value = Rvalue(Evaluate(arguments[0]));
                for (var i = 1; i < arguments.Count; i++) Evaluate(arguments[i]);
                return value.HasType ? Convert(value, Scalar(ScalarKind.Long), explicitCast: false) : value;
            }
            case "__builtin_unreachable" or "__builtin_trap":
                return Operand.Of(VoidType.Instance);
        }
        if (BitBuiltin(name) is { } bits)
        {
            if (arguments.Count != 1) return Fail(call, SemanticDiagnostics.InvalidOperand, "wrong number of arguments to function '" + name + "'");
            var operand = Rvalue(Evaluate(arguments[0]));
            if (!operand.HasType) return operand;
            var argument = Convert(operand, Scalar(bits.Argument), explicitCast: false);
            if (argument.Integer is not { } v) return Operand.Of(Scalar(bits.Result));
            var width = Model.Precision(bits.Argument);
            var u = (UInt128)v & (width == 128 ? UInt128.MaxValue : (UInt128.One << width) - 1);
            Int128? result = bits.Operation switch
            {
                "clz" => u == 0 ? null : (Int128)UInt128.LeadingZeroCount(u) - (128 - width),
                "ctz" => u == 0 ? null : (Int128)UInt128.TrailingZeroCount(u),
                "ffs" => u == 0 ? 0 : (Int128)UInt128.TrailingZeroCount(u) + 1,
                "popcount" => (Int128)UInt128.PopCount(u),
                "parity" => (Int128)(UInt128.PopCount(u) & 1),
                "bswap" => Swap(u, width),
                _ => null,
            };
            // clz and ctz of zero are undefined: gcc does not fold them.
            if (result is not { } r) return Operand.Of(Scalar(bits.Result));
            return IntegerResult(r, bits.Result, operand.IsIntegerConstantExpression);
        }
        // An undeclared function is implicitly "int f()" in gnu11 (with a warning): typed, never constant.
        foreach (var argument in arguments) Evaluate(argument);
        return Operand.Of(Scalar(ScalarKind.Int));
    }

    private static Int128 Swap(UInt128 value, int width)
    {
        UInt128 result = 0;
        for (var i = 0; i < width / 8; i++) result = (result << 8) | ((value >> (8 * i)) & 0xff);
        return (Int128)result;
    }

    private readonly record struct BitOperation(string Operation, ScalarKind Argument, ScalarKind Result);

    private static BitOperation? BitBuiltin(string name)
    {
        foreach (var operation in (ReadOnlySpan<string>)["clz", "ctz", "ffs", "popcount", "parity"])
        {
            var stem = "__builtin_" + operation;
            if (!name.StartsWith(stem, StringComparison.Ordinal)) continue;
            var argument = name[stem.Length..] switch
            {
                "" => operation == "ffs" ? ScalarKind.Int : ScalarKind.UnsignedInt,
                "l" => operation == "ffs" ? ScalarKind.Long : ScalarKind.UnsignedLong,
                "ll" => operation == "ffs" ? ScalarKind.LongLong : ScalarKind.UnsignedLongLong,
                _ => (ScalarKind?)null,
            };
            return argument is { } a ? new BitOperation(operation, a, ScalarKind.Int) : null;
        }
        return name switch
        {
            "__builtin_bswap16" => new BitOperation("bswap", ScalarKind.UnsignedShort, ScalarKind.UnsignedShort),
            "__builtin_bswap32" => new BitOperation("bswap", ScalarKind.UnsignedInt, ScalarKind.UnsignedInt),
            "__builtin_bswap64" => new BitOperation("bswap", ScalarKind.UnsignedLong, ScalarKind.UnsignedLong),
            "__builtin_bswap128" => new BitOperation("bswap", ScalarKind.UnsignedInt128, ScalarKind.UnsignedInt128),
            _ => null,
        };
    }
}
