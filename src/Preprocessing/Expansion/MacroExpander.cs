using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;

namespace LayoutExpert.Preprocessing.Expansion;

/// <summary>
/// Macro expansion the way gcc's cpp does it (C11 6.10.3): a stack of token
/// contexts, one per expansion being read; a macro is disabled while its
/// context is on the stack, and an identifier naming a disabled macro is
/// painted (never expanded again, 6.10.3.4p2). Looking for the '(' of a
/// function-like macro, and collecting its arguments, may run past the end of
/// contexts, which pops them and enables their macros again — this is what
/// gives gcc's results for the classic corner cases (f(1)(2) with f's
/// expansion ending in a macro name).
/// Arguments are expanded on their own before substitution (6.10.3.1), except
/// where they are operands of # or ##.
/// In an #if line (<see cref="InDirective"/>), `defined` and the feature-test
/// operators are answered before expansion of their operands.
/// </summary>
public sealed partial class MacroExpander
{
    private readonly ExpansionEnvironment _env;
    private readonly ITokenSource _source;
    private readonly List<Context> _contexts = [];
    private int _macroDepth;

    public MacroExpander(ExpansionEnvironment environment, ITokenSource source, bool inDirective = false)
    {
        _env = environment;
        _source = source;
        InDirective = inDirective;
        _readsFile = source is not ListTokenSource;
    }

    /// <summary>Whether this expander reads the file walker (not a fixed list): only its reads can be plain points.</summary>
    private readonly bool _readsFile;

    public bool InDirective { get; }

    private sealed class Context(PPToken[] tokens, MacroDefinition? macro)
    {
        public PPToken[] Tokens { get; } = tokens;

        public int Position { get; set; }

        public MacroDefinition? Macro { get; } = macro;
    }

    /// <summary>The next fully expanded token; an end-of-file token only at the very end.</summary>
    public PPToken Next()
    {
        while (true)
        {
            var token = Read(plain: _readsFile);
            if (token.Kind == SyntaxKind.EndOfFileToken)
            {
                // The end of an included file separates tokens (no macro call spans it) but is not output.
                if (!_source.Finished) continue;
                return token;
            }
            if (!token.IsIdentifier || token.IsNoExpand) return token;
            if (InDirective && token.Text == "defined") return ReadDefined(token);
            if (!_env.Macros.TryGet(token.Text, out var macro)) return token;
            if (_env.IsDisabled(macro)) return token.With(PPTokenFlags.NoExpand);
            if (_contexts.Count == 0 && _source is not ListTokenSource) _env.InvocationOrigin = token.Origin;
            if (macro.Builtin != BuiltinMacro.None)
            {
                if (ExpandBuiltin(macro, token) is { } result) return result;
                continue;
            }
            if (!macro.IsFunctionLike)
            {
                Push(Substitute(macro, token, null), macro);
                continue;
            }
            var next = Read();
            if (next.Kind != SyntaxKind.OpenParenToken)
            {
                // Not an invocation: the name stays, and what followed is read again.
                if (next.Kind != SyntaxKind.EndOfFileToken) Unread(next);
                return token;
            }
            var args = CollectArguments(macro, token);
            if (args is null) return token;
            Push(Substitute(macro, token, args), macro);
        }
    }

    /// <summary>Expands everything the source holds into a list.</summary>
    public List<PPToken> ExpandAll()
    {
        var result = new List<PPToken>();
        for (var token = Next(); token.Kind != SyntaxKind.EndOfFileToken; token = Next()) result.Add(token);
        return result;
    }

    private bool MayExpand(List<PPToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.IsIdentifier && !token.IsNoExpand && (_env.Macros.IsDefined(token.Text) || (InDirective && token.Text == "defined"))) return true;
        }
        return false;
    }

    /// <param name="plain">
    /// The read that starts a token of <see cref="Next"/>: when no context is
    /// left, the file is read at a plain point (<see cref="ExpansionEnvironment.PlainSourceRead"/>).
    /// </param>
    private PPToken Read(bool plain = false)
    {
        while (_contexts.Count > 0)
        {
            var context = _contexts[^1];
            if (context.Position < context.Tokens.Length) return context.Tokens[context.Position++];
            Pop();
        }
        if (!plain) return _source.Next();
        _env.PlainSourceRead = true;
        var token = _source.Next();
        _env.PlainSourceRead = false;
        return token;
    }

    private void Unread(PPToken token) => _contexts.Add(new Context([token], null));

    private void Push(PPToken[] tokens, MacroDefinition? macro)
    {
        if (macro is not null)
        {
            if (_macroDepth >= ExpansionEnvironment.MaxExpansionDepth)
            {
                _env.Report(ExpansionDiagnostics.ExpansionTooDeep, tokens.Length > 0 ? tokens[0].Origin : -1,
                    ExpansionEnvironment.MaxExpansionDepth, macro.Name);
                return;
            }
            _env.Disabled.Add(macro);
            _macroDepth++;
        }
        _contexts.Add(new Context(tokens, macro));
    }

    private void Pop()
    {
        var context = _contexts[^1];
        _contexts.RemoveAt(_contexts.Count - 1);
        if (context.Macro is not null)
        {
            // Contexts end in the order they began, except when argument collection pops several: remove this one, from the end.
            var disabled = _env.Disabled;
            for (var i = disabled.Count - 1; i >= 0; i--)
            {
                if (ReferenceEquals(disabled[i], context.Macro))
                {
                    disabled.RemoveAt(i);
                    break;
                }
            }
            _macroDepth--;
        }
    }

    /// <summary>Expands a token list on its own (a macro argument, C11 6.10.3.1), sharing this run's state.</summary>
    private PPToken[] ExpandIsolated(List<PPToken> tokens)
    {
        // Most arguments name no macro at all: then expansion cannot change them.
        if (!MayExpand(tokens)) return [.. tokens];
        if (_env.ArgumentNesting >= ExpansionEnvironment.MaxArgumentNesting)
        {
            _env.Report(ExpansionDiagnostics.ExpansionTooDeep, tokens.Count > 0 ? tokens[0].Origin : -1,
                ExpansionEnvironment.MaxArgumentNesting, "a macro argument");
            return [.. tokens];
        }
        _env.ArgumentNesting++;
        try
        {
            return [.. new MacroExpander(_env, new ListTokenSource(tokens), InDirective).ExpandAll()];
        }
        finally
        {
            _env.ArgumentNesting--;
        }
    }
}
