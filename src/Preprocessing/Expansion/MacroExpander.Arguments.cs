using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Expansion;

public sealed partial class MacroExpander
{
    private sealed class Argument
    {
        public List<PPToken> Raw { get; } = [];

        public PPToken[]? Expanded { get; set; }
    }

    /// <summary>
    /// The arguments of a function-like macro invocation, after its '(' (C11
    /// 6.10.3p10-12): split at top-level commas, except inside the variadic
    /// part. A newline inside the arguments is white space. Null, with an
    /// error, when the file ends first or the count is wrong.
    /// </summary>
    private List<Argument>? CollectArguments(MacroDefinition macro, PPToken name)
    {
        var args = new List<Argument> { new() };
        var depth = 0;
        while (true)
        {
            var token = Read();
            switch (token.Kind)
            {
                case SyntaxKind.EndOfFileToken:
                    _env.Report(ExpansionDiagnostics.UnterminatedArguments, name.Origin, macro.Name);
                    return null;
                case SyntaxKind.OpenParenToken:
                    depth++;
                    break;
                case SyntaxKind.CloseParenToken when depth == 0:
                    return CheckCount(macro, name, args);
                case SyntaxKind.CloseParenToken:
                    depth--;
                    break;
                case SyntaxKind.CommaToken when depth == 0 && !(macro.IsVariadic && args.Count == macro.Parameters.Length):
                    args.Add(new Argument());
                    continue;
            }
            if ((token.Flags & PPTokenFlags.StartOfLine) != 0)
            {
                token = token.Without(PPTokenFlags.StartOfLine).With(PPTokenFlags.LeadingSpace);
            }
            args[^1].Raw.Add(token);
        }
    }

    private List<Argument>? CheckCount(MacroDefinition macro, PPToken name, List<Argument> args)
    {
        var expected = macro.Parameters.Length;
        if (expected == 0)
        {
            if (args.Count == 1 && args[0].Raw.Count == 0) return [];
            _env.Report(ExpansionDiagnostics.TooManyArguments, name.Origin, macro.Name, args.Count, 0);
            return null;
        }
        if (args.Count == expected) return args;
        if (args.Count == expected - 1 && macro.IsVariadic)
        {
            // gcc accepts an omitted variadic argument (a pedantic warning before C2x).
            args.Add(new Argument());
            return args;
        }
        if (args.Count < expected)
        {
            _env.Report(ExpansionDiagnostics.TooFewArguments, name.Origin, macro.Name, expected, args.Count);
        }
        else
        {
            _env.Report(ExpansionDiagnostics.TooManyArguments, name.Origin, macro.Name, args.Count, expected);
        }
        return null;
    }

    private PPToken[] Expanded(Argument argument) => argument.Expanded ??= ExpandIsolated(argument.Raw);
}
