using System.Diagnostics;

namespace LayoutExpert.TestSupport;

/// <summary>
/// Runs the machine's real gcc, the oracle of every layout test. Failures
/// (gcc missing, a compile error) throw with gcc's own message, so a test that
/// needs gcc fails rather than skips.
/// </summary>
public static class Gcc
{
    public static string Executable =>
        Environment.GetEnvironmentVariable("LAYOUT_EXPERT_GCC") is { Length: > 0 } gcc ? gcc : "gcc";

    /// <summary>Compiles C source to an object file in a fresh temporary directory and returns its path.</summary>
    public static string CompileObject(string source, params string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-gcc-").FullName;
        var c = Path.Combine(dir, "unit.c");
        var o = Path.Combine(dir, "unit.o");
        File.WriteAllText(c, source);
        Run(Executable, [.. (flags.Length == 0 ? ["-g", "-O0"] : flags), "-c", c, "-o", o]);
        return o;
    }

    /// <summary>Compiles and runs a C program; returns what it printed on stdout.</summary>
    public static string CompileAndRun(string source, params string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-gcc-").FullName;
        var c = Path.Combine(dir, "main.c");
        var exe = Path.Combine(dir, "main");
        File.WriteAllText(c, source);
        Run(Executable, [.. flags, c, "-o", exe]);
        return Run(exe, []);
    }

    public static string Run(string program, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{stderr.Result}");
        }
        return stdout.Result;
    }
}
