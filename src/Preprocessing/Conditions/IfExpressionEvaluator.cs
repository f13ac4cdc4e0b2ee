using System.Collections.Immutable;
using System.Text;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Conditions;

/// <summary>
/// Evaluates the controlling expression of #if/#elif (C11 6.10.1) after macro
/// expansion and after <c>defined</c>, <c>__has_include</c> and the like were
/// replaced: integer and character constants, identifiers (which are 0, C11
/// 6.10.1p4; in C <c>true</c> and <c>false</c> too), the unary, binary, logical,
/// conditional and comma operators, parentheses. It follows gcc 12's
/// operator-precedence parser (libcpp expr.cc, _cpp_parse_expr and reduce) so
/// that values, unevaluated operands (&amp;&amp;, ||, ?: skip diagnostics such as
/// division by zero) and error messages match. Never throws.
/// </summary>
public sealed class IfExpressionEvaluator
{
    private readonly List<PPToken> _tokens;
    private readonly IfExpressionOptions _options;
    private readonly int _endOrigin;
    private readonly ImmutableArray<ConditionDiagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<ConditionDiagnostic>();
    private readonly List<Entry> _stack = [];
    private int _position;
    private int _skipEvaluation;
    private int _currentOrigin;

    private IfExpressionEvaluator(IReadOnlyList<PPToken> tokens, IfExpressionOptions options, int endOrigin)
    {
        _tokens = Prepare(tokens);
        _options = options;
        _endOrigin = endOrigin;
    }

    /// <summary>An operator on the stack with the value to its right (gcc's struct op).</summary>
    private struct Entry
    {
        public Operator Op;
        public Num Value;
        public string Text;
        public int Origin;
    }

    /// <summary>
    /// Evaluates one expression. <paramref name="endOrigin"/> is where problems
    /// found at the end of the expression are reported (the directive's end).
    /// </summary>
    public static IfExpressionResult Evaluate(IReadOnlyList<PPToken> tokens, IfExpressionOptions? options = null, int endOrigin = -1)
    {
        var evaluator = new IfExpressionEvaluator(tokens, options ?? IfExpressionOptions.Default, endOrigin);
        var ok = evaluator.Parse(out var value);
        return new IfExpressionResult(ok ? value : PPValue.Zero, !ok, evaluator._diagnostics.ToImmutable());
    }

    /// <summary>
    /// Drops placemarkers and what ends the input; splits u8'x' into the
    /// identifier u8 and 'x': u8 character constants are C2X, and under
    /// -std=gnu11 gcc lexes them as two tokens.
    /// </summary>
    private static List<PPToken> Prepare(IReadOnlyList<PPToken> tokens)
    {
        var prepared = new List<PPToken>(tokens.Count);
        foreach (var original in tokens)
        {
            var token = original.Text is null ? original with { Text = "" } : original;
            if (token.IsPlacemarker) continue;
            if (token.Kind == SyntaxKind.EndOfFileToken) break;
            if (token.Kind == SyntaxKind.CharacterLiteralToken && token.Text.StartsWith("u8", StringComparison.Ordinal))
            {
                prepared.Add(token with { Kind = SyntaxKind.IdentifierToken, Text = "u8" });
                prepared.Add(token with { Text = token.Text[2..], Flags = token.Flags & ~(PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine) });
                continue;
            }
            prepared.Add(token);
        }
        return prepared;
    }

    private bool Parse(out PPValue result)
    {
        result = PPValue.Zero;
        _stack.Add(new Entry { Op = Operator.End, Text = "", Origin = _endOrigin });
        var wantValue = true;
        while (true)
        {
            var atEnd = _position >= _tokens.Count;
            var token = atEnd ? default : _tokens[_position++];
            _currentOrigin = atEnd ? _endOrigin : token.Origin;
            Operator op;
            if (atEnd)
            {
                op = Operator.End;
            }
            else if (token.Kind is SyntaxKind.PPNumberToken or SyntaxKind.IdentifierToken or SyntaxKind.HashToken
                || (token.Kind == SyntaxKind.CharacterLiteralToken && CharacterConstant.IsComplete(token.Text)))
            {
                if (!wantValue) return SyntaxError(ConditionDiagnostics.MissingBinaryOperator, token.Text);
                wantValue = false;
                SetTopValue(EvaluateToken(token));
                continue;
            }
            else if (OperatorTable.FromKind(token.Kind) is { } known)
            {
                op = known switch
                {
                    Operator.Plus when wantValue => Operator.UnaryPlus,
                    Operator.Minus when wantValue => Operator.UnaryMinus,
                    _ => known,
                };
            }
            else
            {
                return SyntaxError(ConditionDiagnostics.InvalidToken, token.Text);
            }
            var text = atEnd ? "" : token.Text;

            if (OperatorTable.HasNoLeftOperand(op))
            {
                if (!wantValue) return SyntaxError(ConditionDiagnostics.MissingBinaryOperator, text);
            }
            else if (wantValue)
            {
                var top = _stack[^1];
                if (op == Operator.CloseParen && top.Op == Operator.OpenParen) return SyntaxError(ConditionDiagnostics.EmptyParentheses);
                if (op == Operator.End && top.Op == Operator.End) return SyntaxError(ConditionDiagnostics.NoExpression, _options.Directive);
                if (top.Op is not (Operator.End or Operator.OpenParen)) return SyntaxError(ConditionDiagnostics.NoRightOperand, top.Text);
                // A missing value before ')' or the end is reported while reducing.
                if (op is not (Operator.CloseParen or Operator.End)) return SyntaxError(ConditionDiagnostics.NoLeftOperand, text);
            }

            if (!Reduce(op)) return false;
            if (op == Operator.End) break;

            switch (op)
            {
                case Operator.CloseParen:
                    continue;
                case Operator.OrOr:
                    if (!_stack[^1].Value.IsZero) _skipEvaluation++;
                    break;
                case Operator.AndAnd or Operator.Question:
                    if (_stack[^1].Value.IsZero) _skipEvaluation++;
                    break;
                case Operator.Colon:
                    if (_stack[^1].Op != Operator.Question) return SyntaxError(ConditionDiagnostics.ColonWithoutQuestion);
                    // The condition sits below the '?'. True: skip the false arm; false: stop skipping.
                    if (!_stack[^2].Value.IsZero) _skipEvaluation++;
                    else _skipEvaluation--;
                    break;
            }
            wantValue = true;
            _stack.Add(new Entry { Op = op, Text = text, Origin = _currentOrigin });
        }

        if (_stack.Count != 1) return SyntaxError(ConditionDiagnostics.MissingCloseParen);
        result = _stack[0].Value.Value;
        return true;
    }

    private void SetTopValue(Num value)
    {
        var top = _stack[^1];
        top.Value = value;
        _stack[^1] = top;
    }

    /// <summary>
    /// Reduces the stack before pushing <paramref name="op"/>: every operator on
    /// top that binds tighter (or as tight, for a left-associative
    /// <paramref name="op"/>) is applied. False after a syntax error.
    /// </summary>
    private bool Reduce(Operator op)
    {
        if (op == Operator.OpenParen) return true;
        var priority = OperatorTable.Priority(op) - (OperatorTable.IsLeftAssociative(op) ? 1 : 0);
        while (priority < OperatorTable.Priority(_stack[^1].Op))
        {
            var top = _stack[^1];
            switch (top.Op)
            {
                case Operator.UnaryPlus or Operator.UnaryMinus or Operator.Not or Operator.Complement:
                    ReplaceTopTwo(top.Op switch
                    {
                        Operator.UnaryPlus => Arithmetic.UnaryPlus(top.Value),
                        Operator.UnaryMinus => Arithmetic.Negate(top.Value),
                        Operator.Not => Arithmetic.LogicalNot(top.Value),
                        _ => Arithmetic.Complement(top.Value),
                    });
                    break;
                case Operator.OrOr or Operator.AndAnd:
                    {
                        var left = _stack[^2].Value;
                        var isOr = top.Op == Operator.OrOr;
                        if (isOr ? !left.IsZero : left.IsZero) _skipEvaluation--;
                        var value = isOr ? !left.IsZero || !top.Value.IsZero : !left.IsZero && !top.Value.IsZero;
                        _stack.RemoveAt(_stack.Count - 1);
                        SetTopValue(Num.Bool(value));
                        continue;
                    }
                case Operator.OpenParen:
                    if (op != Operator.CloseParen)
                    {
                        _currentOrigin = top.Origin;
                        return SyntaxError(ConditionDiagnostics.MissingCloseParen);
                    }
                    _stack.RemoveAt(_stack.Count - 1);
                    SetTopValue(top.Value);
                    return true;
                case Operator.Colon:
                    {
                        var condition = _stack[^3].Value;
                        var whenTrue = _stack[^2].Value;
                        var whenFalse = top.Value;
                        if (!condition.IsZero) _skipEvaluation--;
                        var chosen = condition.IsZero ? whenFalse : whenTrue;
                        _stack.RemoveRange(_stack.Count - 2, 2);
                        // The result's type comes from both arms (C11 6.5.15p5).
                        SetTopValue(chosen with { Unsigned = whenTrue.Unsigned || whenFalse.Unsigned });
                        continue;
                    }
                case Operator.Question:
                    if (op is Operator.Comma or Operator.Colon) return true;
                    return SyntaxError(ConditionDiagnostics.QuestionWithoutColon);
                default:
                    ReplaceTopTwo(Binary(_stack[^2].Value, top));
                    break;
            }
            if (_stack[^1].Value.Overflow && _skipEvaluation == 0) Report(ConditionDiagnostics.IntegerOverflow, _currentOrigin);
        }
        if (op == Operator.CloseParen) return SyntaxError(ConditionDiagnostics.MissingOpenParen);
        return true;
    }

    /// <summary>Pops the operator entry and stores the result as the value below it.</summary>
    private void ReplaceTopTwo(Num value)
    {
        _stack.RemoveAt(_stack.Count - 1);
        SetTopValue(value);
    }

    private Num Binary(Num left, Entry top)
    {
        var right = top.Value;
        switch (top.Op)
        {
            case Operator.Plus: return Arithmetic.Add(left, right);
            case Operator.Minus: return Arithmetic.Subtract(left, right);
            case Operator.ShiftLeft: return Arithmetic.Shift(left, right, left: true);
            case Operator.ShiftRight: return Arithmetic.Shift(left, right, left: false);
            case Operator.Multiply: return Arithmetic.Multiply(left, right);
            case Operator.Divide or Operator.Modulo:
                {
                    var result = Arithmetic.Divide(left, right, top.Op == Operator.Modulo, out var byZero);
                    if (byZero && _skipEvaluation == 0) Report(ConditionDiagnostics.DivisionByZero, top.Origin);
                    return result;
                }
            case Operator.Less: return Arithmetic.Compare(left, right, c => c < 0);
            case Operator.Greater: return Arithmetic.Compare(left, right, c => c > 0);
            case Operator.LessEquals: return Arithmetic.Compare(left, right, c => c <= 0);
            case Operator.GreaterEquals: return Arithmetic.Compare(left, right, c => c >= 0);
            case Operator.EqualsEquals: return Arithmetic.Equal(left, right, true);
            case Operator.NotEquals: return Arithmetic.Equal(left, right, false);
            case Operator.And: return Arithmetic.Bitwise(left, right, (a, b) => a & b);
            case Operator.Or: return Arithmetic.Bitwise(left, right, (a, b) => a | b);
            case Operator.Xor: return Arithmetic.Bitwise(left, right, (a, b) => a ^ b);
            default: return right; // ',' (C11 6.6p3 forbids it in constant expressions; gcc allows it in #if)
        }
    }

    private Num EvaluateToken(PPToken token)
    {
        void ReportHere(DiagnosticDescriptor d, object[] args) => Report(d, token.Origin, args);
        switch (token.Kind)
        {
            case SyntaxKind.PPNumberToken:
                return NumericConstant.Evaluate(token.Text, ReportHere);
            case SyntaxKind.CharacterLiteralToken:
                return CharacterConstant.Evaluate(token.Text, _options, ReportHere);
            case SyntaxKind.HashToken:
                return EvaluateAssertion(token);
            default:
                if (_options.WarnUndefined && _skipEvaluation == 0) Report(ConditionDiagnostics.UndefinedIdentifier, token.Origin, token.Text);
                return default;
        }
    }

    /// <summary><c>#predicate</c> or <c>#predicate(answer)</c>: a deprecated GNU extension, tested against gcc's predefined assertions.</summary>
    private Num EvaluateAssertion(PPToken hash)
    {
        Report(ConditionDiagnostics.DeprecatedAssertion, hash.Origin);
        if (_position >= _tokens.Count)
        {
            Report(ConditionDiagnostics.AssertionWithoutPredicate, _endOrigin);
            return default;
        }
        var predicate = _tokens[_position++];
        if (predicate.Kind != SyntaxKind.IdentifierToken)
        {
            Report(ConditionDiagnostics.PredicateNotIdentifier, predicate.Origin);
            return default;
        }
        var answers = _options.Assertions is { } known && known.TryGetValue(predicate.Text, out var found) && !found.IsDefault ? found : [];
        if (_position >= _tokens.Count || _tokens[_position].Kind != SyntaxKind.OpenParenToken) return Num.Bool(!answers.IsEmpty);
        _position++;
        var answer = new StringBuilder();
        for (var count = 0; ; count++)
        {
            if (_position >= _tokens.Count)
            {
                Report(ConditionDiagnostics.UnterminatedAnswer, _endOrigin);
                return default;
            }
            var token = _tokens[_position++];
            if (token.Kind == SyntaxKind.CloseParenToken)
            {
                if (count > 0) break;
                Report(ConditionDiagnostics.EmptyAnswer, token.Origin);
                return default;
            }
            if (count > 0 && token.HasLeadingSpace) answer.Append(' ');
            answer.Append(token.Text);
        }
        return Num.Bool(answers.Contains(answer.ToString()));
    }

    private bool SyntaxError(DiagnosticDescriptor descriptor, params object[] args)
    {
        Report(descriptor, _currentOrigin, args);
        return false;
    }

    private void Report(DiagnosticDescriptor descriptor, int origin, params object[] args) =>
        _diagnostics.Add(new ConditionDiagnostic(descriptor, descriptor.Format(args), origin));
}
