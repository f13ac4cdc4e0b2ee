using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Semantics.Input;

/// <summary>
/// gcc -E output made ready for the C parser. gcc writes line markers
/// (<c># 12 "include/linux/types.h" 1</c>, "Preprocessor Output" in the cpp
/// manual) at the start of any line, even in the middle of a declaration, where
/// the parser could not accept them; they are removed here and kept as a
/// <see cref="LineMap"/>, so diagnostics name the original header and line.
/// Other lines starting with '#' (<c>#pragma</c>) are left for the parser.
/// </summary>
public static class PreprocessedSource
{
    public sealed record Result(List<GreenToken> Tokens, LineMap Lines);

    /// <summary>Removes the line markers from lexed tokens; <paramref name="path"/> names the text the tokens came from.</summary>
    public static Result StripLineMarkers(IReadOnlyList<GreenToken> tokens, string path)
    {
        var kept = new List<GreenToken>(tokens.Count);
        var marks = new List<LineMap.Mark>();
        var offset = 0;
        var atLineStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (atLineStart && token.Kind == SyntaxKind.HashToken && i + 1 < tokens.Count && tokens[i + 1].Kind == SyntaxKind.PPNumberToken && !token.EndsLine)
            {
                var end = i;
                while (end < tokens.Count && !tokens[end].EndsLine && tokens[end].Kind != SyntaxKind.EndOfFileToken) end++;
                if (end < tokens.Count && int.TryParse(SyntaxFacts.ValueText(tokens[i + 1].Text), out var line))
                {
                    var file = i + 2 <= end && tokens[i + 2].Kind == SyntaxKind.StringLiteralToken ? Unquote(tokens[i + 2].Text) : null;
                    marks.Add(new LineMap.Mark(offset, file, line));
                }
                i = end;
                atLineStart = true;
                continue;
            }
            kept.Add(token);
            offset += token.FullWidth;
            atLineStart = token.EndsLine;
        }
        return new Result(kept, new LineMap(path, marks));
    }

    /// <summary>A directive line other than a line marker or #pragma: what a directive-free input must not contain.</summary>
    public readonly record struct Directive(int Offset, string Name);

    /// <summary>
    /// The directive lines in lexed text that only a preprocessor can run
    /// (#include, #define, #if ...): a '#' first on its line followed by anything
    /// but a line number (a marker) or "pragma". Offsets are in the lexed text.
    /// </summary>
    public static List<Directive> FindDirectives(IReadOnlyList<GreenToken> tokens)
    {
        var found = new List<Directive>();
        var offset = 0;
        var atLineStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (atLineStart && token.Kind == SyntaxKind.HashToken)
            {
                var next = i + 1 < tokens.Count && !token.EndsLine ? tokens[i + 1] : null;
                var name = next is null || next.Kind == SyntaxKind.EndOfFileToken ? "" : SyntaxFacts.ValueText(next.Text);
                if (next?.Kind != SyntaxKind.PPNumberToken && name != "pragma" && name.Length > 0) found.Add(new Directive(offset + token.LeadingWidth, name));
            }
            offset += token.FullWidth;
            atLineStart = token.EndsLine;
        }
        return found;
    }

    private static string Unquote(string literal) =>
        literal.Length >= 2 ? literal[1..^1].Replace("\\\\", "\\", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal) : literal;
}

/// <summary>
/// Maps a position in the text that reached the parser (markers removed) to
/// the file and line a line marker said it came from.
/// </summary>
public sealed class LineMap(string path, IReadOnlyList<LineMap.Mark> marks)
{
    /// <summary>A marker: from <c>Offset</c> on, the text is line <c>Line</c> of <c>File</c> (or of the previous file when null).</summary>
    public readonly record struct Mark(int Offset, string? File, int Line);

    public string Path { get; } = path;

    public IReadOnlyList<Mark> Marks { get; } = marks;

    /// <summary>The original location of a location in the parsed text; unchanged when no marker precedes it.</summary>
    public SourceLocation Map(SourceLocation location, SourceText parsed)
    {
        if (Marks.Count == 0) return location;
        var offset = parsed.GetLineStart(location.Position.Line) + location.Position.Character;
        var index = -1;
        int lo = 0, hi = Marks.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (Marks[mid].Offset <= offset)
            {
                index = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }
        if (index < 0) return location;
        var mark = Marks[index];
        string? file = null;
        for (var k = index; k >= 0 && file is null; k--) file = Marks[k].File;
        var markLine = parsed.GetLinePosition(Math.Min(mark.Offset, parsed.Length)).Line;
        var line = mark.Line - 1 + (location.Position.Line - markLine);
        return new SourceLocation(file ?? Path, new LinePosition(Math.Max(0, line), location.Position.Character));
    }
}
