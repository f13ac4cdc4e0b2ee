namespace LayoutExpert.Driver;

/// <summary>The project's own module.c (src/Driver/Module/module.c), embedded: used when --source is not given.</summary>
public static class DefaultModule
{
    public const string FileName = "module.c";

    /// <summary>LayoutExpert's bounds.c (src/Driver/Module/bounds.c): kept in every Pre-AST, bounds.h is computed from it per config.</summary>
    public const string BoundsFileName = "bounds.c";

    public static string Text() => Resource("module.c");

    public static string BoundsText() => Resource("bounds.c");

    private static string Resource(string name)
    {
        using var stream = typeof(DefaultModule).Assembly.GetManifestResourceStream("LayoutExpert.Driver.Module." + name)
            ?? throw new InvalidOperationException($"{name} is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
