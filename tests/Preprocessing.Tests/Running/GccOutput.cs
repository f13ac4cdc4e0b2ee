using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Tests.Running;

/// <summary>A token of gcc -E output, with the file and line its line markers say it came from.</summary>
internal readonly record struct GccToken(string Text, string File, int Line);

/// <summary>Reads `gcc -E` output into tokens, dropping line markers (# N "file" flags) and remembering what they said.</summary>
internal static class GccOutput
{
    public static List<GccToken> Tokens(string text)
    {
        var result = new List<GccToken>(1 << 20);
        var tokens = Lexer.LexAll(text, new GreenNodeCache());
        var file = "";
        var line = 0;
        var atLineStart = true;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind == SyntaxKind.EndOfFileToken) break;
            if (atLineStart && token.Kind == SyntaxKind.HashToken && i + 1 < tokens.Count && tokens[i + 1].Kind == SyntaxKind.PPNumberToken)
            {
                line = int.Parse(tokens[i + 1].Text, System.Globalization.CultureInfo.InvariantCulture) - 1;
                if (i + 2 < tokens.Count && tokens[i + 2].Kind == SyntaxKind.StringLiteralToken) file = tokens[i + 2].Text.Trim('"');
                while (i < tokens.Count && !tokens[i].EndsLine) i++;
                atLineStart = true;
                continue;
            }
            if (atLineStart) line++;
            result.Add(new GccToken(SyntaxFacts.ValueText(token.Text), file, line));
            atLineStart = token.EndsLine;
            // A token whose trailing trivia holds several line ends (a block comment cannot: gcc -E removes them) is rare; blank lines are leading trivia.
            if (token.LeadingTrivia is { } leading) line += CountLineEnds(leading);
        }
        return result;
    }

    private static int CountLineEnds(GreenNode trivia)
    {
        if (trivia.SlotCount == 0) return trivia.Kind == SyntaxKind.EndOfLineTrivia ? 1 : 0;
        var count = 0;
        for (var i = 0; i < trivia.SlotCount; i++)
        {
            if (trivia.GetSlot(i)?.Kind == SyntaxKind.EndOfLineTrivia) count++;
        }
        return count;
    }
}
