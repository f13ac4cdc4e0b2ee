namespace LayoutExpert.Layout.Profiles;

/// <summary>A profile that could not be written to <see cref="Path"/> (missing directory, no permission, disk full).</summary>
public sealed class ProfileWriteException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner)
{
    public string Path { get; } = path;
}
