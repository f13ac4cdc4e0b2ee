using System.Globalization;
using System.Text;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Expansion;

public sealed partial class MacroExpander
{
    /// <summary>
    /// A built-in macro: the token it becomes, or null when it pushed tokens to
    /// read (the _Pragma operator's pragma line).
    /// </summary>
    private PPToken? ExpandBuiltin(MacroDefinition macro, PPToken name)
    {
        switch (macro.Builtin)
        {
            case BuiltinMacro.File:
                return StringToken(_env.CurrentFile(), name);
            case BuiltinMacro.BaseFile:
                _env.ContextualBuiltinRead?.Invoke(macro.Builtin, InDirective);
                return StringToken(_env.BaseFile, name);
            case BuiltinMacro.Line:
                // In a directive, or read straight from the file, __LINE__ is its own line; inside an expansion, the outermost invocation's.
                var origin = InDirective || (_contexts.Count == 0 && _source is not ListTokenSource) ? name.Origin : _env.InvocationOrigin;
                return Number(_env.LineOf(origin), name);
            case BuiltinMacro.Counter:
                _env.ContextualBuiltinRead?.Invoke(macro.Builtin, InDirective);
                return Number(_env.Counter++, name).With(PPTokenFlags.Counter);
            case BuiltinMacro.IncludeLevel:
                _env.ContextualBuiltinRead?.Invoke(macro.Builtin, InDirective);
                return Number(_env.IncludeLevel(), name);
            case BuiltinMacro.Pragma:
                return PragmaOperator(name);
            case BuiltinMacro.HasAttribute:
                return FeatureTest(name, n => _env.Features.HasAttribute(n));
            case BuiltinMacro.HasCAttribute:
                return FeatureTest(name, n => _env.Features.HasCAttribute(n));
            case BuiltinMacro.HasCppAttribute:
                return FeatureTest(name, n => _env.Features.HasCppAttribute(n));
            case BuiltinMacro.HasBuiltin:
                return FeatureTest(name, n => _env.Features.HasBuiltin(n) ? 1 : 0);
            case BuiltinMacro.HasInclude or BuiltinMacro.HasIncludeNext:
                if (!InDirective)
                {
                    _env.Report(ExpansionDiagnostics.HasIncludeOutsideIf, name.Origin, name.Text);
                    return name;
                }
                return HasInclude(name, macro.Builtin == BuiltinMacro.HasIncludeNext);
            default:
                return name;
        }
    }

    /// <summary>
    /// `defined X` or `defined ( X )` in #if (C11 6.10.1p1): read with expansion
    /// off, as gcc does, even when `defined` came out of a macro.
    /// </summary>
    private PPToken ReadDefined(PPToken defined)
    {
        var token = ReadUnexpanded();
        var parenthesised = token.Kind == SyntaxKind.OpenParenToken;
        if (parenthesised) token = ReadUnexpanded();
        if (!token.IsIdentifier)
        {
            _env.Report(ExpansionDiagnostics.DefinedWithoutName, defined.Origin);
            return Number(0, defined);
        }
        if (parenthesised && ReadUnexpanded().Kind != SyntaxKind.CloseParenToken)
        {
            _env.Report(ExpansionDiagnostics.MissingParenAfterDefined, defined.Origin);
        }
        return Number(_env.Macros.IsDefined(token.Text) ? 1 : 0, defined);
    }

    /// <summary>__has_include ( "name" ) or ( &lt;name&gt; ), the name not macro-expanded unless it is neither form.</summary>
    private PPToken HasInclude(PPToken name, bool next)
    {
        if (ReadUnexpanded().Kind != SyntaxKind.OpenParenToken)
        {
            _env.Report(ExpansionDiagnostics.BadFeatureTest, name.Origin, name.Text);
            return Number(0, name);
        }
        var first = ReadUnexpanded();
        string spelled;
        if (first.Kind is SyntaxKind.StringLiteralToken or SyntaxKind.HeaderNameToken)
        {
            spelled = first.Text;
        }
        else if (first.Kind == SyntaxKind.LessToken)
        {
            var parts = new List<PPToken>();
            for (var t = ReadUnexpanded(); t.Kind is not (SyntaxKind.GreaterToken or SyntaxKind.EndOfFileToken); t = ReadUnexpanded()) parts.Add(t);
            spelled = "<" + Spell(parts) + ">";
        }
        else
        {
            _env.Report(ExpansionDiagnostics.BadFeatureTest, name.Origin, name.Text);
            return Number(0, name);
        }
        if (ReadUnexpanded().Kind != SyntaxKind.CloseParenToken) _env.Report(ExpansionDiagnostics.BadFeatureTest, name.Origin, name.Text);
        return Number(_env.Features.HasInclude(spelled, next) ? 1 : 0, name);
    }

    /// <summary>__has_attribute ( name ) and friends: the operand is an identifier, optionally scoped (gnu::x).</summary>
    private PPToken FeatureTest(PPToken name, Func<string, long> answer)
    {
        if (ReadUnexpanded().Kind != SyntaxKind.OpenParenToken)
        {
            _env.Report(ExpansionDiagnostics.BadFeatureTest, name.Origin, name.Text);
            return Number(0, name);
        }
        var operand = new StringBuilder();
        PPToken token;
        for (token = ReadUnexpanded(); token.Kind is not (SyntaxKind.CloseParenToken or SyntaxKind.EndOfFileToken); token = ReadUnexpanded())
        {
            operand.Append(token.Text);
        }
        if (token.Kind != SyntaxKind.CloseParenToken) _env.Report(ExpansionDiagnostics.BadFeatureTest, name.Origin, name.Text);
        return Number(answer(operand.ToString()), name);
    }

    /// <summary>
    /// _Pragma ( string-literal ) (C11 6.10.9): destringized and run as a
    /// #pragma; gcc -E prints it as a "#pragma" line of its own.
    /// </summary>
    private PPToken? PragmaOperator(PPToken name)
    {
        var open = ReadUnexpanded();
        var literal = ReadUnexpanded();
        var close = ReadUnexpanded();
        if (open.Kind != SyntaxKind.OpenParenToken || literal.Kind != SyntaxKind.StringLiteralToken || close.Kind != SyntaxKind.CloseParenToken)
        {
            _env.Report(ExpansionDiagnostics.BadPragmaOperator, name.Origin);
            return name;
        }
        var text = Destringize(literal.Text);
        var line = new List<PPToken>
        {
            new(SyntaxKind.HashToken, "#", PPTokenFlags.StartOfLine, name.Origin),
            new(SyntaxKind.IdentifierToken, "pragma", PPTokenFlags.None, name.Origin),
        };
        foreach (var green in Lexer.LexAll(text, _env.Cache))
        {
            if (green.Kind == SyntaxKind.EndOfFileToken) break;
            var flags = PPTokenFlags.NoExpand | (green.HasLeadingTrivia || line.Count == 2 ? PPTokenFlags.LeadingSpace : PPTokenFlags.None);
            line.Add(new PPToken(green.Kind, SyntaxFacts.ValueText(green.Text), flags, name.Origin));
        }
        Push([.. line], null);
        return null;
    }

    /// <summary>C11 6.10.9p1: drop the prefix and quotes, turn \" into " and \\ into \.</summary>
    private static string Destringize(string literal)
    {
        var start = literal.IndexOf('"') + 1;
        var body = literal[start..^1];
        return body.Replace("\\\"", "\"").Replace("\\\\", "\\");
    }

    /// <summary>The next token with no macro expansion (operands of defined and of the feature tests).</summary>
    private PPToken ReadUnexpanded()
    {
        var token = Read();
        while (token.Kind == SyntaxKind.EndOfFileToken && !_source.Finished) token = Read();
        return token;
    }

    private static string Spell(List<PPToken> tokens)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i].HasLeadingSpace) builder.Append(' ');
            builder.Append(tokens[i].Text);
        }
        return builder.ToString();
    }

    private static PPToken Number(long value, PPToken at) =>
        new(SyntaxKind.PPNumberToken, value.ToString(CultureInfo.InvariantCulture), at.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine), at.Origin);

    private static PPToken StringToken(string value, PPToken at) =>
        new(SyntaxKind.StringLiteralToken, "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
            at.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine), at.Origin);
}
