namespace LayoutExpert.Driver;

/// <summary>The project's own module.c (src/Driver/Module/module.c), embedded: used when --source is not given.</summary>
public static class DefaultModule
{
    public const string FileName = "module.c";

    public static string Text()
    {
        using var stream = typeof(DefaultModule).Assembly.GetManifestResourceStream("LayoutExpert.Driver.Module.module.c")
            ?? throw new InvalidOperationException("the default module.c is not embedded in this build");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
