using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Preprocessing.Tests.Conditions;

/// <summary>
/// Asks the machine's gcc about many #if expressions in one run of gcc -E:
/// for each expression, whether gcc takes the branch of <c>#if (E) == V</c> for
/// our value V, whether it agrees on the type (<c>((E) * 0 - 1 &lt; 0)</c> is
/// true exactly for a signed E), whether it takes <c>#if E</c>, and the
/// diagnostics it prints for the expression's line.
/// </summary>
internal static partial class GccIfOracle
{
    public sealed record Verdict(string Expression, bool SameValue, bool SameType, bool Taken, List<string> Diagnostics);

    /// <summary>kbuild's flags that matter to #if: -std=gnu11 -Wundef -fshort-wchar, plus -funsigned-char for 6.12.</summary>
    public static string[] Flags(bool unsignedChar) =>
        ["-std=gnu11", "-Wundef", "-fshort-wchar", "-nostdinc", "-fdiagnostics-plain-output", .. unsignedChar ? new[] { "-funsigned-char" } : []];

    /// <summary>
    /// Probes each expression. <paramref name="values"/> are our values (null: only
    /// the branch and diagnostics are asked, for expressions with syntax errors).
    /// </summary>
    public static List<Verdict> Ask(IReadOnlyList<string> expressions, IReadOnlyList<PPValue?> values, bool unsignedChar)
    {
        var source = new StringBuilder();
        var lines = new int[expressions.Count];
        var line = 0;
        void Emit(string text)
        {
            source.Append(text).Append('\n');
            line++;
        }
        for (var i = 0; i < expressions.Count; i++)
        {
            // The diagnostics line: the bare expression.
            lines[i] = line + 1;
            Emit("#if " + expressions[i]);
            Emit($"t{i}");
            Emit("#endif");
            if (values[i] is { } value)
            {
                Emit($"#if ( {expressions[i]} ) == {Spell(value)}");
                Emit($"v{i}");
                Emit("#endif");
                Emit($"#if ( ( {expressions[i]} ) * 0 - 1 < 0 ) == {(value.IsUnsigned ? 0 : 1)}");
                Emit($"s{i}");
                Emit("#endif");
            }
        }
        var (stdout, stderr) = Run(source.ToString(), Flags(unsignedChar));
        var markers = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        var byLine = new Dictionary<int, List<string>>();
        foreach (var diagnostic in stderr.Split('\n'))
        {
            var match = DiagnosticLine().Match(diagnostic);
            if (!match.Success) continue;
            var at = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!byLine.TryGetValue(at, out var list)) byLine[at] = list = [];
            list.Add($"{match.Groups[2].Value}: {match.Groups[3].Value}");
        }
        return [.. expressions.Select((e, i) => new Verdict(
            e,
            values[i] is null || markers.Contains($"v{i}"),
            values[i] is null || markers.Contains($"s{i}"),
            markers.Contains($"t{i}"),
            byLine.GetValueOrDefault(lines[i]) ?? []))];
    }

    /// <summary>The value as a constant of its type that itself causes no diagnostic.</summary>
    public static string Spell(PPValue value) =>
        value.IsUnsigned ? value.Bits + "u"
        : value.AsSigned == long.MinValue ? "( -9223372036854775807 - 1 )"
        : value.AsSigned.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>gcc -E on a source text; errors in the source are expected, so the exit code is not checked.</summary>
    public static (string Stdout, string Stderr) Run(string source, string[] flags)
    {
        var dir = Directory.CreateTempSubdirectory("layoutexpert-if-").FullName;
        try
        {
            var file = Path.Combine(dir, "probe.c");
            File.WriteAllText(file, source);
            var info = new ProcessStartInfo(Gcc.Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = dir,
            };
            foreach (var flag in flags) info.ArgumentList.Add(flag);
            foreach (var a in new[] { "-E", "-P", "probe.c" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info) ?? throw new InvalidOperationException("cannot start " + Gcc.Executable);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode is not (0 or 1)) throw new InvalidOperationException($"gcc exited {process.ExitCode}: {stderr.Result}");
            return (stdout.Result, stderr.Result);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"^probe\.c:(\d+):\d+: (error|warning): (.*?)(?: \[-W[^\]]+\])?$")]
    private static partial Regex DiagnosticLine();
}
