using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Config;

namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>Reads "#define NAME[(PARAMS)] REPLACEMENT" lines as gcc -dM writes them; "//" lines are comments.</summary>
public static class MacroListParser
{
    /// <summary>The definitions in order, and the lines that are not definitions.</summary>
    public static (ImmutableArray<MacroDefinitionText> Macros, ImmutableArray<string> BadLines) Parse(string text)
    {
        var macros = ImmutableArray.CreateBuilder<MacroDefinitionText>();
        var bad = ImmutableArray.CreateBuilder<string>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            if (TryParse(line, out var macro)) macros.Add(macro);
            else bad.Add(line);
        }
        return (macros.ToImmutable(), bad.ToImmutable());
    }

    public static bool TryParse(string line, out MacroDefinitionText macro)
    {
        macro = null!;
        const string define = "#define ";
        if (!line.StartsWith(define, StringComparison.Ordinal)) return false;
        var p = define.Length;
        var start = p;
        while (p < line.Length && (char.IsAsciiLetterOrDigit(line[p]) || line[p] is '_' or '$')) p++;
        if (p == start) return false;
        var name = line[start..p];
        string? parameters = null;
        if (p < line.Length && line[p] == '(')
        {
            var close = line.IndexOf(')', p);
            if (close < 0) return false;
            parameters = line[p..(close + 1)];
            p = close + 1;
        }
        if (p < line.Length && line[p] != ' ') return false;
        macro = new MacroDefinitionText(name, parameters, p < line.Length ? line[(p + 1)..] : "");
        return true;
    }
}
