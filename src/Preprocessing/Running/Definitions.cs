using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>Turns a #define node into a <see cref="MacroDefinition"/>.</summary>
internal static class Definitions
{
    /// <remarks>
    /// The origins are appended, not interned: a session makes each definition
    /// once (they are canonical per position or text), and a run without one
    /// keeps its own table.
    /// </remarks>
    public static MacroDefinition FromDirective(GreenNode directive, int position, int file, OriginTable origins)
    {
        // Slots: [#, define, name, parameters?, body?]
        var offset = position + directive.GetSlot(0)!.FullWidth + directive.GetSlot(1)!.FullWidth;
        var nameToken = (GreenToken)directive.GetSlot(2)!;
        var name = SyntaxFacts.ValueText(nameToken.Text);
        var origin = origins.Append(new TokenOrigin(file, offset + nameToken.LeadingWidth, -1, null));
        offset += nameToken.FullWidth;
        var parameters = ImmutableArray<string>.Empty;
        var variadic = false;
        var functionLike = false;
        if (directive.GetSlot(3) is { } list)
        {
            functionLike = true;
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var token in IncludeCollector.Tokens(list.GetSlot(1)))
            {
                if (token.Kind == SyntaxKind.IdentifierToken) builder.Add(SyntaxFacts.ValueText(token.Text));
                else if (token.Kind == SyntaxKind.DotDotDotToken)
                {
                    variadic = true;
                    // "..." alone names the variable arguments __VA_ARGS__; "args..." keeps its name (GNU).
                    if (builder.Count == 0 || PreviousWasComma(list, token)) builder.Add("__VA_ARGS__");
                }
            }
            parameters = builder.ToImmutable();
            offset += list.FullWidth;
        }
        var body = ImmutableArray.CreateBuilder<PPToken>();
        var bodyTokens = IncludeCollector.Tokens(directive.GetSlot(4));
        for (var i = 0; i < bodyTokens.Count; i++)
        {
            var token = bodyTokens[i];
            var flags = i > 0 && (token.HasLeadingTrivia || bodyTokens[i - 1].HasTrailingTrivia) ? PPTokenFlags.LeadingSpace : PPTokenFlags.None;
            var tokenOrigin = origins.Append(new TokenOrigin(file, offset + token.LeadingWidth, -1, null));
            body.Add(new PPToken(token.Kind, SyntaxFacts.ValueText(token.Text), flags, tokenOrigin));
            offset += token.FullWidth;
        }
        return new MacroDefinition(name, functionLike, parameters, variadic, body.ToImmutable(), origin);
    }

    private static bool PreviousWasComma(GreenNode list, GreenToken dots)
    {
        var tokens = IncludeCollector.Tokens(list.GetSlot(1));
        var index = tokens.IndexOf(dots);
        return index > 0 && tokens[index - 1].Kind == SyntaxKind.CommaToken;
    }
}
