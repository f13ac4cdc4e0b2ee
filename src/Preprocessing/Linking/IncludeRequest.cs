using LayoutExpert.Preprocessing.PreAst;

namespace LayoutExpert.Preprocessing.Linking;

/// <summary>A header a file asks for: by #include (in document order) or by __has_include in a condition.</summary>
public sealed record IncludeRequest(int Line, string Spelled, IncludeForm Form, bool Next)
{
    /// <summary>The name inside the delimiters: "linux/types.h" for &lt;linux/types.h&gt;.</summary>
    public string Name => Form == IncludeForm.Computed ? Spelled : Spelled[1..^1];
}
