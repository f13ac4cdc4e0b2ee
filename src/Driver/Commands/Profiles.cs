using LayoutExpert.Layout.Profiles;

namespace LayoutExpert.Driver.Commands;

/// <summary>Output files are written whole or not at all.</summary>
internal static class Profiles
{
    public static void AtomicWrite(string path, string text) =>
        AtomicFile.WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));
}
