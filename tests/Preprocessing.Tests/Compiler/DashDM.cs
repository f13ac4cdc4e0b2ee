using System.Text.RegularExpressions;

namespace LayoutExpert.Preprocessing.Tests.Compiler;

/// <summary>gcc -dM output as NAME -> "PARAMS REPLACEMENT" (the test's own reading, independent of the code under test).</summary>
internal static partial class DashDM
{
    public static Dictionary<string, string> Parse(string output)
    {
        var macros = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Define().Match(line);
            Assert.True(match.Success, $"not a -dM line: {line}");
            macros.Add(match.Groups[1].Value, match.Groups[2].Value + "|" + match.Groups[3].Value);
        }
        return macros;
    }

    [GeneratedRegex(@"^#define ([A-Za-z_][A-Za-z0-9_]*)(\([^)]*\))?(?: (.*))?$")]
    private static partial Regex Define();
}
