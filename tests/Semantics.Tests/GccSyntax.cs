using LayoutExpert.TestSupport;

namespace LayoutExpert.Semantics.Tests;

/// <summary>Asks the machine's gcc whether C text compiles (-fsyntax-only, gnu11), so diagnostic tests check that gcc rejects what we reject.</summary>
public static class GccSyntax
{
    public static (bool Accepted, string Messages) Check(string text)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-syntax-").FullName;
        var file = Path.Combine(dir, "test.c");
        File.WriteAllText(file, text);
        try
        {
            Gcc.Run(Gcc.Executable, ["-fsyntax-only", "-std=gnu11", "-w", file]);
            return (true, "");
        }
        catch (InvalidOperationException e)
        {
            return (false, e.Message);
        }
    }
}
