namespace LayoutExpert.Semantics.Types;

/// <summary>A reason a layout question has no answer: a kind to branch on and a message naming the type and member.</summary>
public sealed record LayoutProblem(LayoutProblemKind Kind, string Message)
{
    /// <summary>The same problem, with where it happened prefixed ("struct foo, member bar: ...").</summary>
    public LayoutProblem Within(string context) => this with { Message = context + ": " + Message };

    public override string ToString() => Kind + ": " + Message;
}
