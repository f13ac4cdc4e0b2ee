using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

public sealed partial class Preprocessor
{
    /// <summary>C11 6.10.1: the first group whose condition holds is processed; the others are skipped.</summary>
    private void RunConditional(Frame frame, GreenNode section, int position)
    {
        var offset = position;
        var first = section.GetSlot(0)!;
        if (TryEnter(frame, first, offset)) return;
        offset += first.FullWidth;
        if (section.GetSlot(1) is not { } later) return;
        for (var i = 0; i < later.SlotCount; i++)
        {
            var group = later.GetSlot(i)!;
            if (TryEnter(frame, group, offset)) return;
            offset += group.FullWidth;
        }
    }

    private bool TryEnter(Frame frame, GreenNode group, int position)
    {
        var directive = group.GetSlot(0)!;
        if (!Holds(frame, directive, position)) return false;
        _frames.Add(new Frame(frame.File, group.GetSlot(1), position + directive.FullWidth, isFileRoot: false));
        return true;
    }

    private bool Holds(Frame frame, GreenNode directive, int position)
    {
        if (directive.HasDiagnostics)
        {
            foreach (var d in directive.Diagnostics)
            {
                _env.Diagnostics.Add(new Diagnostic(d.Descriptor, d.Message, LocationOf(frame, position + d.RelativeOffset)));
            }
            if (directive.Kind is not (SyntaxKind.ElseDirective or SyntaxKind.ElifDirective or SyntaxKind.IfDirective)) return false;
        }
        if (directive.Kind == SyntaxKind.ElseDirective) return true;
        var hash = position + ((GreenToken)directive.GetSlot(0)!).LeadingWidth;
        var expression = directive.Kind is SyntaxKind.IfDirective or SyntaxKind.ElifDirective;
        if (expression && _session?.Conditions.Find(frame.File.Id, hash, _env.Macros, _options) is { } decided)
        {
            // Decided before from the same definitions: its reads are this run's reads too.
            if (_recorder is { } recorder)
            {
                foreach (var (id, seen) in decided.Reads) recorder.Read(id, seen);
            }
            _conditions.Add(new ConditionRecord(frame.File.Id, hash, decided.Names, decided.Result));
            _conditionsReused++;
            return decided.Result;
        }
        // Every name the table is asked for while this line is decided: what `explain` shows.
        var names = new List<string>();
        _env.Macros.ReadNames = names;
        var log = expression && _session is not null ? new List<KeyValuePair<int, Macros.MacroDefinition?>>() : null;
        _env.Macros.ReadLog = log;
        var (diagnostics, contextual) = (_env.Diagnostics.Count, _contextualReads);
        var result = directive.Kind switch
        {
            SyntaxKind.IfdefDirective or SyntaxKind.ElifdefDirective => _env.Macros.IsDefined(SyntaxFacts.ValueText(Rest(directive)[0].Text)),
            SyntaxKind.IfndefDirective or SyntaxKind.ElifndefDirective => !_env.Macros.IsDefined(SyntaxFacts.ValueText(Rest(directive)[0].Text)),
            _ => Evaluate(frame, directive, position) is { } value && value != 0,
        };
        _env.Macros.ReadNames = null;
        _env.Macros.ReadLog = null;
        ImmutableArray<string> read = [.. names.Distinct(StringComparer.Ordinal)];
        if (log is not null && _env.Diagnostics.Count == diagnostics && _contextualReads == contextual && !_stopped)
        {
            _session!.Conditions.Remember(frame.File.Id, hash, new() { Reads = [.. log], Names = read, Result = result,
                Features = _options.Features, Arithmetic = _options.Conditions, UnsignedChar = _options.UnsignedChar,
            });
        }
        _conditions.Add(new ConditionRecord(frame.File.Id, hash, read, result));
        return result;
    }

    /// <summary>An #if/#elif expression: expanded (with defined and the feature tests answered), then evaluated.</summary>
    private long? Evaluate(Frame frame, GreenNode directive, int position)
    {
        var offset = position + directive.GetSlot(0)!.FullWidth + (directive.GetSlot(1)?.FullWidth ?? 0);
        var raw = new List<PPToken>();
        var rest = Rest(directive);
        for (var i = 0; i < rest.Count; i++)
        {
            var token = rest[i];
            var flags = token.HasLeadingTrivia || (i > 0 && rest[i - 1].HasTrailingTrivia) || i == 0 ? PPTokenFlags.LeadingSpace : PPTokenFlags.None;
            raw.Add(new PPToken(token.Kind, SyntaxFacts.ValueText(token.Text), flags, Origin(frame, offset + token.LeadingWidth)));
            offset += token.FullWidth;
        }
        var hashOrigin = Origin(frame, position + ((GreenToken)directive.GetSlot(0)!).LeadingWidth);
        var expanded = new MacroExpander(_env, new ListTokenSource(raw), inDirective: true).ExpandAll();
        return _options.Conditions.Evaluate(expanded, _env, hashOrigin);
    }

    public long HasAttribute(string name) => _options.Features.HasAttribute(name);

    public long HasCAttribute(string name) => _options.Features.HasCAttribute(name);

    public long HasCppAttribute(string name) => _options.Features.HasCppAttribute(name);

    public bool HasBuiltin(string name) => _options.Features.HasBuiltin(name);

    public bool HasInclude(string spelled, bool next) =>
        CurrentFile?.PreAstFile?.HasInclude.TryGetValue(PreAstFile.HasIncludeKey(spelled, next), out var answer) == true && answer;
}
