using System.Diagnostics;
using System.Text.RegularExpressions;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Syntax.Tests.Parsing;

/// <summary>Asks the real gcc (-std=gnu11) what it thinks of a piece of C; fails, never skips, when gcc is missing.</summary>
internal static partial class GccOracle
{
    /// <summary>gcc's diagnostics for the code as "line:column: severity: message", in gcc's order; C locale quotes.</summary>
    public static IReadOnlyList<string> Diagnostics(string code)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-parse-").FullName;
        try
        {
            var file = Path.Combine(dir, "t.c");
            File.WriteAllText(file, code);
            var stderr = RunGcc(dir, ["-std=gnu11", "-fsyntax-only", "-fdiagnostics-plain-output", "t.c"]).StdErr;
            return [.. DiagnosticLine().Matches(stderr).Select(m => $"{m.Groups[1].Value}: {m.Groups[2].Value}: {m.Groups[3].Value}")];
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Compiles each file with -fsyntax-only in one gcc run; returns gcc's exit code and messages.</summary>
    public static (int ExitCode, string StdErr) SyntaxCheck(string directory, IReadOnlyList<string> files) =>
        RunGcc(directory, ["-std=gnu11", "-fsyntax-only", "-fdiagnostics-plain-output", .. files]);

    /// <summary>gcc -E -P of the code: preprocessed text without line markers.</summary>
    public static string Preprocess(string code, params string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-parse-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "t.c"), code);
            var (exit, stdout, stderr) = RunGccWithOutput(dir, ["-std=gnu11", "-E", "-P", .. flags, "t.c"]);
            if (exit != 0) throw new InvalidOperationException("gcc -E failed:\n" + stderr);
            return stdout;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// gcc -aux-info of already preprocessed code: every function declared or
    /// defined in it, as "line:name:C" (declaration) or "line:name:F" (definition).
    /// </summary>
    public static IReadOnlySet<string> DeclaredFunctions(string preprocessed)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-parse-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "t.i"), preprocessed);
            var (exit, stderr) = RunGcc(dir, ["-std=gnu11", "-fsyntax-only", "-w", "-aux-info", "t.aux", "-x", "c", "t.i"]);
            if (exit != 0) throw new InvalidOperationException("gcc -aux-info failed:\n" + stderr);
            var functions = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match line in AuxInfoLine().Matches(File.ReadAllText(Path.Combine(dir, "t.aux"))))
            {
                // The name is the identifier right before its parameter list: "void (*signal (int, ...)) (int)" names signal.
                var name = AuxInfoName().Match(line.Groups[3].Value).Groups[1].Value;
                functions.Add($"{line.Groups[1].Value}:{name}:{line.Groups[2].Value}");
            }
            return functions;
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static (int ExitCode, string StdErr) RunGcc(string directory, IReadOnlyList<string> args)
    {
        var (exit, _, stderr) = RunGccWithOutput(directory, args);
        return (exit, stderr);
    }

    private static (int ExitCode, string StdOut, string StdErr) RunGccWithOutput(string directory, IReadOnlyList<string> args)
    {
        var info = new ProcessStartInfo(Gcc.Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        // The C locale makes gcc quote with ' rather than typographic quotes.
        info.Environment["LC_ALL"] = "C";
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + Gcc.Executable);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@"^/\* [^:\n]*:(\d+):[NO]([CF]) \*/ (.*)$", RegexOptions.Multiline)]
    private static partial Regex AuxInfoLine();

    [GeneratedRegex(@"(\w+) \((?!\*)")]
    private static partial Regex AuxInfoName();

    [GeneratedRegex(@"^[^:\n]+:(\d+:\d+): (error|warning): (.*?)(?: \[-W[^\]]+\])?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
