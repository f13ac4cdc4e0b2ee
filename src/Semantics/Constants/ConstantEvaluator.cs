using LayoutExpert.Semantics.Types;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Parsing.Nodes;
using LayoutExpert.Syntax.Red;

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
public sealed partial class ConstantEvaluator(IEvaluationContext context)
{
    private int _quiet;

    private IntegerModel Model => context.Integers;

    private ITypeLayoutQueries Layout => context.Layout;

    /// <summary>An integer constant expression's value (converted to <c>long</c>-sized range by the caller), or null after a diagnostic naming <paramref name="what"/>.</summary>
    public Int128? EvaluateInteger(ExpressionSyntax? expression, string what)
    {
        if (expression is null) return null;
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
    public CType? TypeOf(ExpressionSyntax expression)
    {
        var operand = Evaluate(expression);
        if (operand.BitField is not null)
        {
            Report(SemanticDiagnostics.InvalidOperand, expression, "'typeof' applied to a bit-field");
            return null;
        }
        return operand.Type;
    }

    /// <summary>Types and folds one expression.</summary>
    public Operand Evaluate(ExpressionSyntax? expression) => expression switch
    {
        null => Operand.Error,
        NumberLiteralSyntax n => Number(n),
        CharacterLiteralSyntax c => Character(c),
        StringLiteralExpressionSyntax s => StringLiteral(s),
        IdentifierNameSyntax i => Identifier(i),
        ParenthesizedExpressionSyntax p => Evaluate(p.Expression),
        CastExpressionSyntax c => Cast(c),
        CompoundLiteralSyntax c => context.BindTypeName(c.TypeName!) is { } type ? new Operand(type, null, false, IsLvalue: true) : Operand.Error,
        PrefixUnaryExpressionSyntax u => Prefix(u),
        PostfixUnaryExpressionSyntax u => Evaluate(u.Operand).WithoutValue() is var o && o.HasType ? Rvalue(o).WithoutValue() : Operand.Error,
        SizeofOrAlignofExpressionSyntax s => SizeofExpression(s),
        SizeofOrAlignofTypeSyntax s => SizeofType(s),
        BinaryExpressionSyntax b => Binary(b),
        ConditionalExpressionSyntax c => Conditional(c),
        AssignmentExpressionSyntax a => Evaluate(a.Left) is { HasType: true } left ? Rvalue(left).WithoutValue() : Operand.Error,
        CallExpressionSyntax c => Call(c),
        SubscriptExpressionSyntax s => Subscript(s),
        MemberAccessExpressionSyntax m => Member(m),
        OffsetofExpressionSyntax o => Offsetof(o),
        TypesCompatibleExpressionSyntax t => TypesCompatible(t),
        ChooseExpressionSyntax c => Choose(c),
        VaArgExpressionSyntax v => v.TypeName is { } t && context.BindTypeName(t) is { } type ? Operand.Of(type) : Operand.Error,
        GenericSelectionSyntax g => Generic(g),
        StatementExpressionSyntax s => Fail(s, SemanticDiagnostics.InvalidOperand, "braced-group within expression allowed only inside a function"),
        ErrorExpressionSyntax => Operand.Error,
        _ => Fail(expression, SemanticDiagnostics.Unsupported, "this expression"),
    };

    private TypeClass Classify(CType type) => TypeClass.Of(type, Layout);

    private Operand Fail(CSyntaxNode at, DiagnosticDescriptor descriptor, params object[] args)
    {
        Report(descriptor, at, args);
        return Operand.Error;
    }

    private void Report(DiagnosticDescriptor descriptor, CSyntaxNode at, params object[] args)
    {
        if (_quiet == 0) context.Report(descriptor, at.Node, args);
    }

    private void Report(DiagnosticDescriptor descriptor, SyntaxNode at, params object[] args)
    {
        if (_quiet == 0) context.Report(descriptor, at, args);
    }

    /// <summary>Evaluates without reporting (for <c>__builtin_constant_p</c>, whose operand may be anything).</summary>
    private Operand Quietly(ExpressionSyntax? expression)
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

    private static CType Scalar(ScalarKind kind) => new ScalarType(kind);

    private Operand IntegerResult(Int128 value, ScalarKind kind, bool ice) =>
        new(Scalar(kind), new IntegerConstant(Model.Convert(value, kind)), ice);

    private Operand Number(NumberLiteralSyntax literal)
    {
        var text = literal.Token.ValueText;
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

    private Operand Character(CharacterLiteralSyntax literal)
    {
        var text = literal.Token.ValueText;
        return Literals.ParseCharacter(text, Model) is { } c
            ? IntegerResult(c.Value, c.Type, ice: true)
            : Fail(literal, SemanticDiagnostics.BadLiteral, text);
    }

    private Operand StringLiteral(StringLiteralExpressionSyntax literal)
    {
        var pieces = literal.Tokens.Select(t => t.ValueText).ToList();
        if (Literals.StringLiteral(pieces) is not { } s) return Fail(literal, SemanticDiagnostics.BadLiteral, string.Join(" ", pieces));
        // A string literal is an lvalue array (C11 6.5.1p4) with static storage: an address constant.
        return new Operand(new ArrayType(Scalar(s.Element), s.Length), new AddressConstant("\"" + literal.Node.Position + "\"", 0), false, IsLvalue: true);
    }
}
