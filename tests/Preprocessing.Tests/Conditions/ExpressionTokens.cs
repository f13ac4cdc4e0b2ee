using LayoutExpert.Preprocessing.Conditions;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Tests.Conditions;

/// <summary>Turns the text of an #if expression into the tokens the evaluator takes (origin = token index, end = count).</summary>
internal static class ExpressionTokens
{
    public static List<PPToken> Lex(string text) =>
        [.. Lexer.LexAll(text).Where(t => t.Kind != SyntaxKind.EndOfFileToken)
            .Select((t, i) => new PPToken(t.Kind, SyntaxFacts.ValueText(t.Text), t.HasLeadingTrivia ? PPTokenFlags.LeadingSpace : PPTokenFlags.None, i))];

    public static IfExpressionResult Evaluate(string text, IfExpressionOptions? options = null)
    {
        var tokens = Lex(text);
        return IfExpressionEvaluator.Evaluate(tokens, options, tokens.Count);
    }

    /// <summary>The evaluator's diagnostics as gcc prints them: "error: message" / "warning: message".</summary>
    public static List<string> Messages(IfExpressionResult result) =>
        [.. result.Diagnostics.Select(d => Spell(d.Descriptor.Severity, d.Message))];

    /// <summary>The lexer's diagnostics for the expression's text (gcc's lexer gives them as it reaches each token).</summary>
    public static List<string> LexerMessages(string text) =>
        [.. Lexer.LexAll(text).Where(t => t.HasDiagnostics).SelectMany(t => t.Diagnostics.ToArray()).Select(d => Spell(d.Descriptor.Severity, d.Message))];

    private static string Spell(LayoutExpert.Syntax.Diagnostics.DiagnosticSeverity severity, string message) =>
        (severity == LayoutExpert.Syntax.Diagnostics.DiagnosticSeverity.Error ? "error: " : "warning: ") + message;
}
