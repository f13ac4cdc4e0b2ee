namespace LayoutExpert.Preprocessing.Serialization;

/// <summary>A Pre-AST file that cannot be loaded: truncated, corrupt, foreign, or of a newer format. The message says which.</summary>
public sealed class PreAstFormatException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string FilePath { get; } = path;
}
