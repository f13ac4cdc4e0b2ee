namespace LayoutExpert.TestSupport;

/// <summary>Finds the repository root (the folder holding LayoutExpert.sln) from a test's base directory.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LayoutExpert.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("LayoutExpert.sln not found above " + AppContext.BaseDirectory);
    }
}
