namespace LayoutExpert.Layout.Symbols;

/// <summary>A symbol map or banner file that cannot be read at all (missing, unreadable).</summary>
public sealed class SymbolFileException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string Path { get; } = path;
}
