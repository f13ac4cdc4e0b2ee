using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Engine;

/// <summary>A type that got no layout, and why (e.g. a randomized struct, an invalid bit-field).</summary>
public sealed record LayoutIssue(string Subject, LayoutProblem Problem)
{
    public override string ToString() => Subject + ": " + Problem;
}
