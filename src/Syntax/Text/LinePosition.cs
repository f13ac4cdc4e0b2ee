namespace LayoutExpert.Syntax.Text;

/// <summary>A zero-based line and character; printed one-based, as compilers print them.</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    public override string ToString() => $"{Line + 1}:{Character + 1}";
}
