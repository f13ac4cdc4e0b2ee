using System.Collections.Immutable;
using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Linking;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.PreAst;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Diagnostics;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

public sealed partial class Preprocessor
{
    private void Run(Frame frame, GreenNode item, int position)
    {
        if (item.Kind == SyntaxKind.TextRun)
        {
            if (_session is not null && TextChunks.Cuts(item.SlotCount))
            {
                _frames.Add(new Frame(frame.File, item, position, isFileRoot: false)
                {
                    Chunks = frame.File.TextChunks(position, item),
                    TextOrigins = frame.File.TextOrigins(position, item.SlotCount),
                });
                return;
            }
            if (_session is not null && TryReplayText(frame.File, position)) return;
            _frames.Add(new Frame(frame.File, item, position, isFileRoot: false)
            {
                TextOrigins = _session is null ? null : frame.File.TextOrigins(position, item.SlotCount),
                Recorder = _session is null ? null : BeginTextRecording(frame.File, position),
            });
            return;
        }
        if (item.Kind == SyntaxKind.IfSection)
        {
            RunConditional(frame, item, position);
            return;
        }
        if (item.HasDiagnostics)
        {
            // A malformed directive on a live line: its parse errors are real now.
            foreach (var d in item.Diagnostics)
            {
                _env.Diagnostics.Add(new Diagnostic(d.Descriptor, d.Message, LocationOf(frame, position + d.RelativeOffset)));
            }
            return;
        }
        switch (item.Kind)
        {
            case SyntaxKind.DefineDirective:
                Define(frame, item, position);
                break;
            case SyntaxKind.UndefDirective:
                var name = Rest(item)[0];
                if (_env.Macros.TryGet(SyntaxFacts.ValueText(name.Text), out var existing) && existing.Builtin != BuiltinMacro.None)
                {
                    _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.MacroRedefined, LocationOf(frame, position), existing.Name));
                }
                _env.Macros.Undefine(SyntaxFacts.ValueText(name.Text));
                break;
            case SyntaxKind.IncludeDirective:
                Include(frame, item, position);
                break;
            case SyntaxKind.ErrorDirective:
                _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.ErrorDirective, HashLocation(frame, item, position), MessageOf(item)));
                break;
            case SyntaxKind.WarningDirective:
                _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.WarningDirective, HashLocation(frame, item, position), MessageOf(item)));
                break;
            case SyntaxKind.PragmaDirective:
                Pragma(frame, item, position);
                break;
            case SyntaxKind.LineDirective or SyntaxKind.NullDirective:
                break;
            case SyntaxKind.UnknownDirective:
                var directive = item.GetSlot(1) is GreenToken n ? SyntaxFacts.ValueText(n.Text) : "";
                if (directive is not ("ident" or "sccs" or "assert" or "unassert"))
                {
                    _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.InvalidDirective, HashLocation(frame, item, position), directive));
                }
                break;
        }
    }

    /// <summary>
    /// Begins the next chunk of a text run cut into chunks: replayed when a
    /// recorded run of it holds, else walked by a frame of its own (recorded
    /// when it begins at a plain point); past the last chunk, the run ends.
    /// </summary>
    private void NextChunk(Frame frame, TextChunks chunks)
    {
        var chunk = frame.Index;
        if (chunk >= chunks.Count)
        {
            _frames.RemoveAt(_frames.Count - 1);
            return;
        }
        frame.Index++;
        var position = chunks.Positions[chunk];
        if (TryReplayText(frame.File, position)) return;
        var list = frame.List!;
        var start = chunks.Starts[chunk];
        var previous = start > 0 ? (GreenToken)list.GetSlot(start - 1)! : null;
        _frames.Add(new Frame(frame.File, list, position, isFileRoot: false)
        {
            Index = start,
            End = chunk + 1 < chunks.Count ? chunks.Starts[chunk + 1] : list.SlotCount,
            TextOrigins = frame.TextOrigins,
            Recorder = BeginTextRecording(frame.File, position),
            // As the previous token of the run left them (a chunk begins at a line start).
            AtLineStart = previous?.EndsLine ?? true,
            PreviousHadTrailing = previous?.HasTrailingTrivia ?? false,
        });
    }

    private Syntax.Text.SourceLocation HashLocation(Frame frame, GreenNode item, int position) =>
        LocationOf(frame, position + ((GreenToken)item.GetSlot(0)!).LeadingWidth);

    private static List<GreenToken> Rest(GreenNode directive) => IncludeCollector.Tokens(directive.GetSlot(2));

    /// <summary>The text after #error / #warning, as gcc prints it: the line's tokens with their spacing.</summary>
    private static string MessageOf(GreenNode directive)
    {
        var rest = directive.GetSlot(2);
        return rest is null ? "" : SyntaxFacts.ValueText(rest.ToFullString()).Trim();
    }

    private void Define(Frame frame, GreenNode directive, int position)
    {
        var macro = DefinitionOf(frame.File, directive, position);
        if (_env.Macros.TryGet(macro.NameNumber, out var previous) && !previous.IsEquivalentTo(macro))
        {
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.MacroRedefined, HashLocation(frame, directive, position), macro.Name));
        }
        _env.Macros.Define(macro);
    }

    /// <summary>gcc -E keeps #pragma lines (as tokens of a line of their own); #pragma once is run and dropped.</summary>
    private void Pragma(Frame frame, GreenNode directive, int position)
    {
        var rest = Rest(directive);
        var words = rest.Select(t => SyntaxFacts.ValueText(t.Text)).ToArray();
        if (words is ["once"])
        {
            // Kept in the table, so a session records it as it records macros.
            _env.Macros.Define(SyntheticDefinition(frame.File.OnceName));
            return;
        }
        if (words is ["GCC", "system_header", ..] or ["GCC", "poison", ..] or ["GCC", "dependency", ..]) return;
        if (words is ["push_macro", "(", _, ")"] or ["pop_macro", "(", _, ")"])
        {
            // The saved definitions live outside the table: a session does not replay what touches them.
            Taint();
            PushPopMacro(words[0], words[2]);
        }
        var offset = position;
        var hash = (GreenToken)directive.GetSlot(0)!;
        _pending.Enqueue(new PPToken(SyntaxKind.HashToken, "#", PPTokenFlags.StartOfLine, Origin(frame, offset + hash.LeadingWidth)));
        var pragma = (GreenToken)directive.GetSlot(1)!;
        _pending.Enqueue(new PPToken(SyntaxKind.IdentifierToken, "pragma", PPTokenFlags.NoExpand, Origin(frame, offset + hash.FullWidth + pragma.LeadingWidth)));
        foreach (var token in rest)
        {
            _pending.Enqueue(new PPToken(token.Kind, SyntaxFacts.ValueText(token.Text), PPTokenFlags.NoExpand | PPTokenFlags.LeadingSpace, -1));
        }
        frame.AtLineStart = true;
    }

    private readonly Dictionary<string, Stack<MacroDefinition?>> _pushedMacros = new(StringComparer.Ordinal);

    /// <summary>GCC's #pragma push_macro("X") / pop_macro("X"): save and restore one macro's definition.</summary>
    private void PushPopMacro(string operation, string quotedName)
    {
        var name = quotedName.Trim('"');
        if (operation == "push_macro")
        {
            if (!_pushedMacros.TryGetValue(name, out var stack)) _pushedMacros[name] = stack = new Stack<MacroDefinition?>();
            stack.Push(_env.Macros.TryGet(name, out var current) ? current : null);
        }
        else if (_pushedMacros.TryGetValue(name, out var stack) && stack.Count > 0)
        {
            var saved = stack.Pop();
            if (saved is null) _env.Macros.Undefine(name);
            else _env.Macros.Define(saved);
        }
    }

    private int Origin(Frame frame, int offset) => _env.Origins.Add(new TokenOrigin(frame.File.Id, offset, -1, null));

    private void Include(Frame frame, GreenNode directive, int position)
    {
        var link = frame.File.LinkOf(directive) ?? LinkInPreAst(frame, directive);
        var at = HashLocation(frame, directive, position);
        if (link is null)
        {
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.DirectiveError, at, "#include in a file the Pre-AST did not link"));
            return;
        }
        SourceFile? target = null;
        if (link.Target >= 0)
        {
            target = FileById(link.Target);
        }
        else if (link.Generated == AutoconfPath && _options.ConfigMacros is not null)
        {
            // The lazy autoconf.h: from here on the config answers for CONFIG_ names (MacroTable.ConfigSource).
            _env.Macros.Define(SyntheticDefinition(MacroTable.AutoconfIncluded));
            return;
        }
        else if (link.Generated is { } generated)
        {
            target = GeneratedFile(generated, at);
            if (target is null) return;
        }
        else if (link.Form == IncludeForm.Computed)
        {
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.ComputedInclude, at, link.Spelled));
            return;
        }
        else
        {
            // What follows depends on KeepGoing, which is not in the table.
            Taint();
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.IncludeNotFound, at, link.Spelled));
            if (!_options.KeepGoing)
            {
                _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.StoppedAfterFatal, at));
                _frames.Clear();
                _includeDepth = 0;
                _roots.Clear();
                _stopped = true;
                StopRecording();
            }
            return;
        }
        if (_env.Macros.IsDefined(target.OnceMacro)) return;
        if (target.GuardMacro is { } guard && _env.Macros.IsDefined(guard)) return;
        if (_includeDepth >= PreprocessorOptions.MaxIncludeDepth)
        {
            Taint();
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.IncludeTooDeep, at, PreprocessorOptions.MaxIncludeDepth));
            return;
        }
        if (TryReplay(target)) return;
        PushFile(target);
    }

    private Dictionary<string, int>? _filesByPath;

    /// <summary>
    /// An #include in a header generated for this config (timeconst.h includes
    /// linux/types.h): looked up among the Pre-AST's files along the search path,
    /// as the build would have found it.
    /// </summary>
    private IncludeLink? LinkInPreAst(Frame frame, GreenNode directive)
    {
        if (frame.File.PreAstFile is not null) return null;
        _filesByPath ??= _preAst.Files.Select((f, id) => (f.Path, id)).DistinctBy(p => p.Path).ToDictionary(p => p.Path, p => p.id, StringComparer.Ordinal);
        var request = IncludeCollector.Collect(new GreenInternalNode(SyntaxKind.List, [directive]), frame.File.Text).Includes[0];
        if (request.Form == IncludeForm.Computed) return new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, null);
        foreach (var dir in _preAst.SearchPath.Distinct())
        {
            var path = dir + "/" + request.Name;
            if (PreAst.PreAst.GeneratedHeaders.Contains(path)) return new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, path);
            if (_filesByPath.TryGetValue(path, out var id)) return new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, id, null);
        }
        return new IncludeLink(request.Line, request.Spelled, request.Form, request.Next, -1, null);
    }

    private SourceFile? GeneratedFile(string path, Syntax.Text.SourceLocation at)
    {
        // Which text the header has is an input of the includer's run, like a macro it reads.
        _env.Macros.IsDefined(GeneratedMarkerName(path));
        if (_generated.TryGetValue(path, out var file)) return file;
        if (!_options.GeneratedHeaders.TryGetValue(path, out var text))
        {
            _env.Diagnostics.Add(Diagnostic.Create(RunDiagnostics.GeneratedHeaderMissing, at, path));
            return null;
        }
        var id = _generatedIds[path];
        file = _session is null ? new SourceFile(id, path, DirectiveParser.ParseGreen(text, _env.Cache), null) : SessionGeneratedFile(path, text);
        _generated[path] = file;
        _generatedById[id] = file;
        return file;
    }

    /// <summary>A generated header in a session: one object per (path, text), since recorded runs are kept per file object.</summary>
    private SourceFile SessionGeneratedFile(string path, string text)
    {
        if (_session!.GeneratedFiles.TryGetValue((path, text), out var file)) return file;
        file = new SourceFile(_generatedIds[path], path, DirectiveParser.ParseGreen(text, _env.Cache), null);
        _session.GeneratedFiles[(path, text)] = file;
        _session.AddDefinableNames(file.Root);
        return file;
    }

    /// <summary>gcc's -D and predefined macros, as #define lines of a &lt;built-in&gt; file; and which text each generated header has.</summary>
    private void DefinePredefined()
    {
        // In a session, what makes the table the first root starts from (the builtins are always the same).
        List<object>? prefix = _session is null ? null : [_options.ConfigMacros is null ? TextConfig : LazyConfig];
        foreach (var (path, text) in _options.GeneratedHeaders)
        {
            if (path == AutoconfPath && _options.ConfigMacros is not null) continue;
            var marker = GeneratedMarker(path, text);
            _env.Macros.Define(marker);
            prefix?.Add(marker);
            // A session must know every name a run can define before the run records anything.
            if (_session is not null) SessionGeneratedFile(path, text);
        }
        foreach (var (name, builtin) in BuiltinNames)
        {
            _session?.AddDefinable(name);
            _env.Macros.Define(SyntheticDefinition(name, builtin));
        }
        var operations = PredefinedOperations();
        foreach (var (name, definition) in operations)
        {
            if (definition is null) _env.Macros.Undefine(name);
            else _env.Macros.Define(definition);
        }
        prefix?.Add(operations);
        _rootPrefix = prefix;
    }

    /// <summary>Whether autoconf.h is text or answered option by option (the table answers CONFIG_ names differently): part of a root prefix.</summary>
    private static readonly object TextConfig = new(), LazyConfig = new();

    /// <summary>The #define and #undef lines of the predefined text, in order (a session parses each text once).</summary>
    private List<KeyValuePair<string, MacroDefinition?>> PredefinedOperations()
    {
        var text = _options.PredefinedMacros;
        if (_session is not null && _session.Predefined.TryGetValue(text, out var cached)) return cached;
        var operations = new List<KeyValuePair<string, MacroDefinition?>>();
        var root = DirectiveParser.ParseGreen(text, _env.Cache);
        var builtins = new SourceFile(-1000, "<built-in>", root, null);
        var position = 0;
        var parts = root.GetSlot(0);
        for (var i = 0; parts is not null && i < parts.SlotCount; i++)
        {
            var part = parts.GetSlot(i)!;
            if (part.Kind == SyntaxKind.DefineDirective && !part.HasDiagnostics)
            {
                var definition = DefinitionOf(builtins, part, position);
                _session?.AddDefinable(definition.Name);
                operations.Add(new(definition.Name, definition));
            }
            else if (part.Kind == SyntaxKind.UndefDirective)
            {
                operations.Add(new(SyntaxFacts.ValueText(Rest(part)[0].Text), null));
            }
            position += part.FullWidth;
        }
        if (_session is not null) _session.Predefined[text] = operations;
        return operations;
    }

    private static readonly ImmutableArray<(string, BuiltinMacro)> BuiltinNames =
    [
        ("__FILE__", BuiltinMacro.File),
        ("__LINE__", BuiltinMacro.Line),
        ("__COUNTER__", BuiltinMacro.Counter),
        ("__BASE_FILE__", BuiltinMacro.BaseFile),
        ("__INCLUDE_LEVEL__", BuiltinMacro.IncludeLevel),
        ("_Pragma", BuiltinMacro.Pragma),
        ("__has_include", BuiltinMacro.HasInclude),
        ("__has_include_next", BuiltinMacro.HasIncludeNext),
        ("__has_attribute", BuiltinMacro.HasAttribute),
        ("__has_c_attribute", BuiltinMacro.HasCAttribute),
        ("__has_cpp_attribute", BuiltinMacro.HasCppAttribute),
        ("__has_builtin", BuiltinMacro.HasBuiltin),
    ];
}
