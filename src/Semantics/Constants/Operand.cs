using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Constants;

/// <summary>
/// What the evaluator knows about one expression: its type (null when it
/// cannot be typed; a diagnostic was then reported), its folded value if it
/// has one, and the properties C's rules ask about: whether it is an integer
/// constant expression in the standard's sense (C11 6.6p6: gcc's null pointer
/// constants and <c>__builtin_constant_p</c> go by it, not by folding), whether
/// it designates an object (an lvalue), and the bit-field it designates.
/// </summary>
public readonly record struct Operand(CType? Type, Constant? Value, bool IsIntegerConstantExpression, bool IsLvalue = false, Field? BitField = null)
{
    public static Operand Error => new(null, null, false);

    public static Operand Of(CType type) => new(type, null, false);

    public bool HasType => Type is not null;

    public Int128? Integer => Value is IntegerConstant i ? i.Value : null;

    /// <summary>A typed operand with the value dropped (what an lvalue read or a call gives).</summary>
    public Operand WithoutValue() => new(Type, null, false);
}
