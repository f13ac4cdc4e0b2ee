using System.Diagnostics.CodeAnalysis;

namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A layout answer or the reason there is none; never a guess. Structural
/// equality (value and problem compare by value).
/// </summary>
public readonly record struct LayoutResult<T>
{
    private readonly T? value;

    private LayoutResult(T? value, LayoutProblem? problem)
    {
        this.value = value;
        Problem = problem;
    }

    public LayoutProblem? Problem { get; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsOk => Problem is null;

    /// <summary>The value; throws <see cref="LayoutUnavailableException"/> when there is none.</summary>
    public T Value => Problem is null ? value! : throw new LayoutUnavailableException(Problem);

    public static LayoutResult<T> Ok(T value) => new(value, null);

    public static LayoutResult<T> Fail(LayoutProblem problem) => new(default, problem);

    public static LayoutResult<T> Fail(LayoutProblemKind kind, string message) => new(default, new LayoutProblem(kind, message));

    public static implicit operator LayoutResult<T>(LayoutProblem problem) => Fail(problem);

    public LayoutResult<TOut> Select<TOut>(Func<T, TOut> map) =>
        Problem is null ? LayoutResult<TOut>.Ok(map(value!)) : LayoutResult<TOut>.Fail(Problem);

    public LayoutResult<T> Within(string context) => Problem is null ? this : Fail(Problem.Within(context));

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool TryGet([MaybeNullWhen(false)] out T result)
    {
        result = value!;
        return Problem is null;
    }

    public override string ToString() => Problem is null ? "Ok(" + value + ")" : "Fail(" + Problem + ")";
}

/// <summary>Thrown by <see cref="LayoutResult{T}.Value"/> when asked for a value that has a problem instead.</summary>
public sealed class LayoutUnavailableException(LayoutProblem problem) : InvalidOperationException(problem.ToString())
{
    public LayoutProblem Problem { get; } = problem;
}
