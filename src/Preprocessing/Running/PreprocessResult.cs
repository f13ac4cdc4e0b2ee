using System.Collections.Immutable;
using System.Text;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>The output of a run: the tokens (each with its origin), the origin table, the diagnostics, the #if records.</summary>
public sealed class PreprocessResult(
    IReadOnlyList<PPToken> tokens, OriginTable origins, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<string> files,
    IReadOnlyList<ConditionRecord>? conditions = null)
{
    public IReadOnlyList<PPToken> Tokens { get; } = tokens;

    public OriginTable Origins { get; } = origins;

    public ImmutableArray<Diagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Paths by file index: Pre-AST files first, then generated headers.</summary>
    public IReadOnlyList<string> Files { get; } = files;

    /// <summary>Every #if/#ifdef/#ifndef/#elif evaluated, in execution order (a session's replayed ones included).</summary>
    public IReadOnlyList<ConditionRecord> Conditions { get; } = conditions ?? [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>The pure C text, like gcc -E -P: a newline before a token that started a line, a space where there was white space.</summary>
    public string ToText()
    {
        var builder = new StringBuilder(Tokens.Count * 5);
        foreach (var token in Tokens)
        {
            if ((token.Flags & PPTokenFlags.StartOfLine) != 0 && builder.Length > 0) builder.Append('\n');
            else if (token.HasLeadingSpace) builder.Append(' ');
            builder.Append(token.Text);
        }
        builder.Append('\n');
        return builder.ToString();
    }

    /// <summary>"file:line (in expansion of X at file:line ...)" for a token, for reports.</summary>
    public string Describe(int origin, Func<int, int, string> locate)
    {
        var parts = new List<string>();
        foreach (var o in Origins.Chain(origin))
        {
            parts.Add(o.Macro is null ? locate(o.File, o.Offset) : $"{locate(o.File, o.Offset)} (from the expansion of {o.Macro})");
        }
        return string.Join(" <- ", parts);
    }
}
