namespace LayoutExpert.Syntax.Text;

/// <summary>A half-open range [Start, End) of character offsets in a source text.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public bool Contains(int position) => position >= Start && position < End;

    public override string ToString() => $"[{Start}..{End})";
}
