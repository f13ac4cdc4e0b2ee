using System.Text.RegularExpressions;

namespace LayoutExpert.Driver.Tests.Module;

/// <summary>
/// The `struct NAME le_NAME __used;` lines of module.c, found in its text or in
/// its preprocessed form (where __used has become __attribute__((__used__))).
/// </summary>
public static partial class CarrierGlobals
{
    public sealed record Global(string StructName, string VariableName);

    public static IReadOnlyList<Global> Parse(string text) =>
        GlobalLine().Matches(text).Select(m => new Global(m.Groups[1].Value, m.Groups[2].Value)).ToList();

    [GeneratedRegex(@"^\s*struct\s+(\w+)\s+(le_\w+)\s+(?:__used|__attribute__\(\(__used__\)\))\s*;", RegexOptions.Multiline)]
    private static partial Regex GlobalLine();
}
