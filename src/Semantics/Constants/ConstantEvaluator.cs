using LayoutExpert.Semantics.Trees;
using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// Types and folds C expressions as gcc does at file scope: integer constant
/// expressions (C11 6.6) for array bounds, bit-field widths, enumerator values
/// and attribute arguments, and the types <c>typeof</c> and <c>sizeof</c>
/// need. Integers are computed in their C type (64-bit <c>long</c>,
/// <c>__int128</c>), with the usual arithmetic conversions, wrapping on
/// overflow as gcc's folder does; sizes, alignments and offsets come from the
/// layout engine through <see cref="IEvaluationContext.Layout"/>. Errors are
/// reported to the context with the expression's location; nothing throws.
/// </summary>
internal sealed partial class ConstantEvaluator(IEvaluationContext context)
{
    private int _quiet;

    private IntegerModel Model => context.Integers;

    private ITypeLayoutQueries Layout => context.Layout;

    /// <summary>An integer constant expression's value (converted to <c>long</c>-sized range by the caller), or null after a diagnostic naming <paramref name="what"/>.</summary>
    public Int128? EvaluateInteger(GNode expression, string what)
    {
        if (!expression.IsPresent) return null;
        var operand = Evaluate(expression);
        if (!operand.HasType) return null;
        var type = Classify(operand.Type!);
        if (type.Category != TypeCategory.Integer)
        {
            Report(SemanticDiagnostics.InvalidOperand, expression, what + " has non-integer type " + operand.Type!.Spelling);
            return null;
        }
        if (operand.Integer is { } value) return value;
        Report(SemanticDiagnostics.NotAConstant, expression, what);
        return null;
    }

    /// <summary>The type <c>typeof(expression)</c> names: no lvalue conversion, qualifiers kept (GCC "Typeof").</summary>
    public CType? TypeOf(GNode expression)
    {
        var operand = Evaluate(expression);
        if (operand.BitField is not null)
        {
            Report(SemanticDiagnostics.InvalidOperand, expression, "'typeof' applied to a bit-field");
            return null;
        }
        return operand.Type;
    }

    /// <summary>Types and folds one expression (slot layouts: LayoutExpert.Syntax.Parsing.Nodes).</summary>
    public Operand Evaluate(GNode expression) => expression.Kind switch
    {
        SyntaxKind.None => Operand.Error,
        SyntaxKind.NumberLiteral => Number(expression),
        SyntaxKind.CharacterLiteral => Character(expression),
        SyntaxKind.StringLiteralExpression => StringLiteral(expression),
        SyntaxKind.IdentifierName => Identifier(expression),
        SyntaxKind.ParenthesizedExpression => Evaluate(expression.Node(1)),
        SyntaxKind.CastExpression => Cast(expression),
        SyntaxKind.CompoundLiteral => context.BindTypeName(expression.Node(1)) is { } type ? new Operand(type, null, false, IsLvalue: true) : Operand.Error,
        SyntaxKind.PrefixUnaryExpression => Prefix(expression),
        SyntaxKind.PostfixUnaryExpression => Evaluate(expression.Node(0)) is { HasType: true } o ? Rvalue(o).WithoutValue() : Operand.Error,
        SyntaxKind.SizeofExpression or SyntaxKind.AlignofExpression => SizeofExpression(expression),
        SyntaxKind.SizeofTypeExpression or SyntaxKind.AlignofTypeExpression => SizeofType(expression),
        SyntaxKind.BinaryExpression => Binary(expression),
        SyntaxKind.ConditionalExpression => Conditional(expression),
        SyntaxKind.AssignmentExpression => Evaluate(expression.Node(0)) is { HasType: true } left ? Rvalue(left).WithoutValue() : Operand.Error,
        SyntaxKind.CallExpression => Call(expression),
        SyntaxKind.SubscriptExpression => Subscript(expression),
        SyntaxKind.MemberAccessExpression => Member(expression),
        SyntaxKind.OffsetofExpression => Offsetof(expression),
        SyntaxKind.TypesCompatibleExpression => TypesCompatible(expression),
        SyntaxKind.ChooseExpression => Choose(expression),
        SyntaxKind.VaArgExpression => context.BindTypeName(expression.Node(4)) is { } vaType ? Operand.Of(vaType) : Operand.Error,
        SyntaxKind.GenericSelection => Generic(expression),
        SyntaxKind.StatementExpression => Fail(expression, SemanticDiagnostics.InvalidOperand, "braced-group within expression allowed only inside a function"),
        SyntaxKind.ErrorExpression => Operand.Error,
        _ => Fail(expression, SemanticDiagnostics.Unsupported, "this expression"),
    };

    private TypeClass Classify(CType type) => TypeClass.Of(type, Layout);

    private Operand Fail(GNode at, DiagnosticDescriptor descriptor, params object[] args)
    {
        Report(descriptor, at, args);
        return Operand.Error;
    }

    private void Report(DiagnosticDescriptor descriptor, GNode at, params object[] args)
    {
        if (_quiet == 0) context.Report(descriptor, at, args);
    }

    /// <summary>Evaluates without reporting (for <c>__builtin_constant_p</c>, whose operand may be anything).</summary>
    private Operand Quietly(GNode expression)
    {
        _quiet++;
        try
        {
            return Evaluate(expression);
        }
        finally
        {
            _quiet--;
        }
    }

    private static readonly ScalarType[] Scalars = [.. Enum.GetValues<ScalarKind>().Select(k => new ScalarType(k))];

    /// <summary>The scalar type of a kind, one shared instance each (types compare structurally, so sharing is only a saving).</summary>
    private static CType Scalar(ScalarKind kind) => Scalars[(int)kind];

    private Operand IntegerResult(Int128 value, ScalarKind kind, bool ice) =>
        new(Scalar(kind), IntegerConstant.Of(Model.Convert(value, kind)), ice);

    private Operand Number(GNode literal)
    {
        var text = literal.Token(0).ValueText;
        if (Literals.IsFloating(text))
        {
            return Literals.ParseFloat(text) is { } f
                ? new Operand(Scalar(f.Type), new FloatConstant(f.Value), false)
                : Fail(literal, SemanticDiagnostics.BadLiteral, text);
        }
        return Literals.ParseInteger(text, Model) is { } i
            ? IntegerResult(i.Value, i.Type, ice: true)
            : Fail(literal, SemanticDiagnostics.BadLiteral, text);
    }

    private Operand Character(GNode literal)
    {
        var text = literal.Token(0).ValueText;
        return Literals.ParseCharacter(text, Model) is { } c
            ? IntegerResult(c.Value, c.Type, ice: true)
            : Fail(literal, SemanticDiagnostics.BadLiteral, text);
    }

    private Operand StringLiteral(GNode literal)
    {
        var pieces = new List<string>();
        foreach (var piece in literal)
        {
            if (piece.IsToken) pieces.Add(piece.Token.ValueText);
        }
        if (Literals.StringLiteral(pieces) is not { } s) return Fail(literal, SemanticDiagnostics.BadLiteral, string.Join(" ", pieces));
        // A string literal is an lvalue array (C11 6.5.1p4) with static storage: an address constant.
        return new Operand(new ArrayType(Scalar(s.Element), s.Length), new AddressConstant("\"" + literal.Position + "\"", 0), false, IsLvalue: true);
    }
}
