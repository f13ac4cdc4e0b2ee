namespace LayoutExpert.Syntax.Text;

/// <summary>A file and a position in it, printed as "path:line:column" like gcc does.</summary>
public readonly record struct SourceLocation(string Path, LinePosition Position)
{
    public int Line => Position.Line + 1;

    public override string ToString() => $"{Path}:{Position}";
}
