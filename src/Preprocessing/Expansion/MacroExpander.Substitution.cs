using System.Text;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Lexing;

namespace LayoutExpert.Preprocessing.Expansion;

public sealed partial class MacroExpander
{
    private static readonly PPToken Placemarker = new(SyntaxKind.None, "", PPTokenFlags.Placemarker, -1);

    /// <summary>
    /// The replacement list with arguments substituted (C11 6.10.3.1), # applied
    /// (6.10.3.2), ## applied (6.10.3.3) and placemarkers removed. Tokens from
    /// the definition get an origin pointing back to this expansion site.
    /// </summary>
    private PPToken[] Substitute(MacroDefinition macro, PPToken name, List<Argument>? args)
    {
        var result = new List<PPToken>(macro.Body.Length + 4);
        var originBase = _env.ExpansionOrigins?.BaseFor(macro, name.Origin, _env.Origins) ?? -1;
        SubstituteRange(macro, name, args, 0, macro.Body.Length, result, originBase);
        result.RemoveAll(static t => t.IsPlacemarker);
        if (result.Count > 0)
        {
            // The expansion takes the spacing of the macro name it replaces.
            var first = result[0];
            result[0] = first.Without(PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)
                | (name.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine));
        }
        return [.. result];
    }

    /// <param name="originBase">The expansion's first origin in a session (see <see cref="ExpansionOrigins"/>), or -1: then each token's origin is added.</param>
    private void SubstituteRange(MacroDefinition macro, PPToken name, List<Argument>? args, int start, int end, List<PPToken> result, int originBase)
    {
        var body = macro.Body;
        var pasteNext = false;
        for (var i = start; i < end; i++)
        {
            var token = body[i];
            var parameter = macro.ParameterIndex[i];
            var nextIsPaste = i + 1 < end && body[i + 1].Kind == SyntaxKind.HashHashToken;
            if (token.Kind == SyntaxKind.HashHashToken && i > start && i + 1 < end)
            {
                // GNU: ", ## __VA_ARGS__" drops the comma when the variadic argument is empty.
                if (args is not null && macro.IsVariadic && macro.ParameterIndex[i + 1] == macro.Parameters.Length - 1
                    && body[i - 1].Kind == SyntaxKind.CommaToken && result.Count > 0 && result[^1].Kind == SyntaxKind.CommaToken)
                {
                    var variadic = args[^1];
                    if (variadic.Raw.Count == 0)
                    {
                        result.RemoveAt(result.Count - 1);
                        i++;
                        continue;
                    }
                    // Otherwise the comma stays and the arguments follow, unpasted.
                    result.AddRange(variadic.Raw);
                    i++;
                    continue;
                }
                pasteNext = true;
                continue;
            }
            if (args is not null && macro.IsFunctionLike && token.Kind == SyntaxKind.HashToken && i + 1 < end && macro.ParameterIndex[i + 1] >= 0)
            {
                Append(result, Stringify(args[macro.ParameterIndex[i + 1]].Raw, token), ref pasteNext);
                i++;
                continue;
            }
            if (parameter == MacroDefinition.VaOpt && args is not null && i + 1 < end && body[i + 1].Kind == SyntaxKind.OpenParenToken)
            {
                var close = MatchingParen(body, i + 1, end);
                var before = result.Count;
                if (Expanded(args[^1]).Length > 0) SubstituteRange(macro, name, args, i + 2, close, result, originBase);
                if (result.Count == before) result.Add(Placemarker);
                i = close;
                continue;
            }
            if (parameter >= 0 && args is not null)
            {
                var argument = args[parameter];
                var operandOfPaste = pasteNext || nextIsPaste;
                var tokens = operandOfPaste ? (IReadOnlyList<PPToken>)argument.Raw : Expanded(argument);
                if (tokens.Count == 0)
                {
                    Append(result, Placemarker, ref pasteNext);
                    continue;
                }
                for (var k = 0; k < tokens.Count; k++)
                {
                    var t = tokens[k];
                    if (k == 0) t = t.Without(PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine) | (token.Flags & PPTokenFlags.LeadingSpace);
                    Append(result, t, ref pasteNext);
                }
                continue;
            }
            Append(result, FromDefinition(token, i, name, originBase), ref pasteNext);
        }
    }

    private static int MatchingParen(System.Collections.Immutable.ImmutableArray<PPToken> body, int open, int end)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
        {
            if (body[i].Kind == SyntaxKind.OpenParenToken) depth++;
            else if (body[i].Kind == SyntaxKind.CloseParenToken && --depth == 0) return i;
        }
        return end - 1;
    }

    /// <summary>Appends a token, pasting it onto the previous one when a ## stands between them.</summary>
    private void Append(List<PPToken> result, PPToken token, ref bool pasteNext)
    {
        if (!pasteNext || result.Count == 0)
        {
            result.Add(token);
            pasteNext = false;
            return;
        }
        pasteNext = false;
        var left = result[^1];
        if (token.IsPlacemarker) return;
        if (left.IsPlacemarker)
        {
            result[^1] = token;
            return;
        }
        if (Paste(left, token) is { } pasted)
        {
            result[^1] = pasted;
            return;
        }
        _env.Report(ExpansionDiagnostics.InvalidPaste, left.Origin, left.Text, token.Text);
        result.Add(token);
    }

    /// <summary>C11 6.10.3.3p3: the two spellings must lex as exactly one preprocessing token.</summary>
    private PPToken? Paste(PPToken left, PPToken right)
    {
        var text = left.Text + right.Text;
        // The common kernel cases need no lexer: identifier ## identifier-or-number is an identifier,
        // number ## identifier-or-number is a pp-number (C11 6.4.2.1, 6.4.8).
        if (left.Kind is SyntaxKind.IdentifierToken or SyntaxKind.PPNumberToken
            && right.Kind is SyntaxKind.IdentifierToken or SyntaxKind.PPNumberToken
            && IsIdentifierOrNumberBody(right.Text))
        {
            return new PPToken(left.Kind, text, PastedFlags(left, right), left.Origin);
        }
        var tokens = Lexer.LexAll(text, _env.Cache);
        if (tokens.Count != 2 || tokens[0].FullWidth != text.Length) return null;
        var kind = tokens[0].Kind;
        if (kind == SyntaxKind.OtherToken && text.Length > 1) return null;
        return new PPToken(kind, text, PastedFlags(left, right), left.Origin);
    }

    /// <summary>The left operand's flags, expandable again (C11 6.10.3.3p3), and marked when either operand held a counter value.</summary>
    private static PPTokenFlags PastedFlags(PPToken left, PPToken right) =>
        (left.Flags & ~PPTokenFlags.NoExpand) | (right.Flags & PPTokenFlags.Counter);

    private static bool IsIdentifierOrNumberBody(string text)
    {
        foreach (var c in text)
        {
            if (!SyntaxFacts.IsIdentifierPart(c)) return false;
        }
        return true;
    }

    /// <summary>C11 6.10.3.2p2: the argument's spelling as a string literal, one space where there was white space.</summary>
    private static PPToken Stringify(List<PPToken> tokens, PPToken hash)
    {
        var builder = new StringBuilder("\"");
        var counter = PPTokenFlags.None;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.IsPlacemarker) continue;
            counter |= token.Flags & PPTokenFlags.Counter;
            if (i > 0 && (token.Flags & (PPTokenFlags.LeadingSpace | PPTokenFlags.StartOfLine)) != 0) builder.Append(' ');
            if (token.Kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken)
            {
                foreach (var c in token.Text)
                {
                    if (c is '"' or '\\') builder.Append('\\');
                    builder.Append(c);
                }
            }
            else
            {
                builder.Append(token.Text);
            }
        }
        builder.Append('"');
        return new PPToken(SyntaxKind.StringLiteralToken, builder.ToString(), (hash.Flags & PPTokenFlags.LeadingSpace) | counter, hash.Origin);
    }

    private PPToken FromDefinition(PPToken token, int bodyIndex, PPToken name, int originBase)
    {
        int index;
        if (originBase >= 0)
        {
            index = originBase + bodyIndex;
        }
        else
        {
            var origin = token.Origin >= 0 ? _env.Origins[token.Origin] : default;
            index = _env.Origins.Add(new TokenOrigin(origin.File, origin.Offset, name.Origin, name.Text));
        }
        return token with { Origin = index, Flags = token.Flags & ~PPTokenFlags.StartOfLine };
    }
}
