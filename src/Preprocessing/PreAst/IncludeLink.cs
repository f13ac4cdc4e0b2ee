namespace LayoutExpert.Preprocessing.PreAst;

public enum IncludeForm { Angled, Quoted, Computed }

/// <summary>
/// How one #include / #include_next directive of a file was resolved at build
/// time. Links are stored in the order the directives appear in the file, so
/// the k-th include directive of a tree (preorder) owns link k.
/// <c>Target</c> is a file id, or -1 when the header is generated per config
/// (<c>Generated</c> names it) or was found nowhere (<c>Generated</c> is null).
/// Computed includes (<c>#include MACRO</c>) cannot be resolved before
/// preprocessing and keep their tokens' text in <c>Spelled</c>.
/// </summary>
public sealed record IncludeLink(int Line, string Spelled, IncludeForm Form, bool Next, int Target, string? Generated)
{
    public bool IsMissing => Target < 0 && Generated is null && Form != IncludeForm.Computed;
}
