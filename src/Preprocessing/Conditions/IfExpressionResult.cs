using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// The outcome of an #if/#elif expression. <see cref="IsTrue"/> is the branch
/// gcc takes: false after a syntax error (gcc's _cpp_parse_expr returns false);
/// after other errors (division by zero, a bad constant) gcc goes on evaluating
/// and so do we, with the error in <see cref="Diagnostics"/>.
/// </summary>
public sealed record IfExpressionResult(PPValue Value, bool IsSyntaxError, ImmutableArray<ConditionDiagnostic> Diagnostics)
{
    public bool IsTrue => !IsSyntaxError && !Value.IsZero;

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
