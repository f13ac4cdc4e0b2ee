using LayoutExpert.Preprocessing.Config;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// The run's side of a <see cref="PreprocessingSession"/>: recording each file
/// run between plain points, replaying recorded runs whose reads still hold,
/// and making every definition canonical so reads compare by reference.
/// </summary>
public sealed partial class Preprocessor
{
    private readonly PreprocessingSession? _session;

    /// <summary>The innermost recorder: the only one the macro table reports to.</summary>
    private FileRunRecorder? _recorder;

    /// <summary>
    /// What made the macro table the next root starts from, as objects (see
    /// <see cref="FileRun.RootPrefix"/>): set by the predefined macros, each
    /// root's run added when it ends; null when a root left no run (the table
    /// is then whatever it did).
    /// </summary>
    private List<object>? _rootPrefix;

    private int _filesExecuted;
    private int _filesReplayed;
    private int _filesCovered;
    private long _tokensReplayed;
    private int _textRunsReplayed;
    private int _conditionsReused;

    /// <summary>
    /// Whether a file beginning or ending here may be recorded or replayed: in
    /// a session, with the expander at a plain point (no expansion in
    /// progress, no '(' looked for, no argument being collected), so what the
    /// file produces is exactly its own tokens expanded.
    /// </summary>
    private bool AtReusePoint => _session is not null && _env.PlainSourceRead && !_stopped;

    /// <summary>Replays a recorded run of <paramref name="file"/> whose reads all hold now; false when there is none.</summary>
    private bool TryReplay(SourceFile file)
    {
        if (!AtReusePoint) return false;
        var root = _includeDepth == 0;
        var run = _session!.Find(file, _env.Macros, _includeDepth + 1, _options.UnsignedChar, root ? _rootPrefix : null);
        if (run is null) return false;
        // After the last root nothing reads the table: its writes (the module's are some 18,000) would change nothing.
        Replay(run, applyWrites: !root || _roots.Count > 0);
        if (root) _rootPrefix?.Add(run);
        _filesReplayed++;
        return true;
    }

    /// <summary>
    /// Replays a recorded run of the text run at <paramref name="position"/>
    /// of <paramref name="file"/> whose reads all hold now; false when there is
    /// none. A file that must run again (one of its reads changed) so costs its
    /// directives and the text whose macros changed, not all its text.
    /// </summary>
    private bool TryReplayText(SourceFile file, int position)
    {
        if (!AtReusePoint) return false;
        var run = _session!.FindText(file, position, _env.Macros, _includeDepth, _options.UnsignedChar);
        if (run is null) return false;
        Replay(run, applyWrites: true);
        _textRunsReplayed++;
        return true;
    }

    private void Replay(FileRun run, bool applyWrites)
    {
        _recorder?.AddChild(run, _output.Mark(), _conditions.Count, _env.Diagnostics.Count);
        if (applyWrites)
        {
            foreach (var (id, definition) in run.Writes) _env.Macros.Apply(id, definition);
        }
        if (run.UsesCounter)
        {
            _env.Counter = Math.Max(_env.Counter, run.CounterEnd);
            run.MarkCounterUsed(_session!.RunNumber);
        }
        Append(run);
        // AddChild resumed the parent's own part before the replayed output: start it after.
        _recorder?.Resume();
    }

    private void Append(FileRun run)
    {
        var replayed = run.ReplayOutput;
        _filesCovered += replayed.Files;
        _tokensReplayed += replayed.TokenCount;
        _output.AddShared(replayed.Pieces);
        if (replayed.Conditions.Length > 0) _conditions.AddRange(replayed.Conditions);
        if (replayed.Diagnostics.Length > 0) _env.Diagnostics.AddRange(replayed.Diagnostics);
    }

    /// <summary>Starts recording a file just pushed, when it begins at a plain point of a session.</summary>
    private FileRunRecorder? BeginRecording(SourceFile file)
    {
        if (_session is null) return null;
        _filesExecuted++;
        if (_recorder is not null) _recorder.DeepestLevel = Math.Max(_recorder.DeepestLevel, _includeDepth);
        if (!AtReusePoint) return null;
        var root = _recorder is null && _includeDepth == 1;
        var recorder = new FileRunRecorder(_session, file, _recorder, _includeDepth, _output, _conditions, _env.Diagnostics)
        {
            RootPrefix = root ? _rootPrefix?.ToArray() : null,
            VolatileOnly = root && _roots.Count == 0 && _rootPrefix is not null,
        };
        SetRecorder(recorder);
        return recorder;
    }

    /// <summary>Starts recording a text run of the current file, when it begins at a plain point of a session.</summary>
    private FileRunRecorder? BeginTextRecording(SourceFile file, int position)
    {
        if (!AtReusePoint) return null;
        var recorder = new FileRunRecorder(_session!, file, _recorder, _includeDepth, _output, _conditions, _env.Diagnostics) { TextPosition = position };
        SetRecorder(recorder);
        return recorder;
    }

    /// <summary>A recorded file (or text run) ended: kept as a run when it ends at a plain point untainted, else its record merges into its includer's.</summary>
    private void EndRecording(FileRunRecorder recorder)
    {
        var parent = recorder.Parent;
        SetRecorder(parent);
        if (AtReusePoint && !recorder.Tainted)
        {
            var start = (recorder.TokenStartOfRecording, recorder.ConditionStartOfRecording, recorder.DiagnosticStartOfRecording);
            var run = recorder.Finish(_options.UnsignedChar, _env.Counter, mergeLater: _session!.MergesLater(recorder.File, recorder.TextPosition));
            if (run.UsesCounter) run.CounterRun = _session!.RunNumber;
            _session!.Remember(run);
            parent?.AddChild(run, start.Item1, start.Item2, start.Item3);
            // Executing a root left the table as replaying its run would.
            if (parent is null && _includeDepth == 0 && !run.IsTextRun) _rootPrefix?.Add(run);
            return;
        }
        if (parent is null && _includeDepth == 0 && recorder.TextPosition < 0) _rootPrefix = null;
        parent?.Absorb(recorder);
    }

    private void SetRecorder(FileRunRecorder? recorder)
    {
        _recorder = recorder;
        _env.Macros.Observer = recorder;
    }

    /// <summary>Something the table does not determine happened: the runs being recorded cannot be replayed.</summary>
    private void Taint()
    {
        if (_recorder is not null) _recorder.Tainted = true;
    }

    /// <summary>A fatal error stops the run: nothing being recorded ends.</summary>
    private void StopRecording()
    {
        for (var r = _recorder; r is not null; r = r.Parent) r.Tainted = true;
        SetRecorder(null);
    }

    /// <summary>Counts reads of builtins whose value the table does not determine: a condition that made one is not kept.</summary>
    private int _contextualReads;

    private void ContextualBuiltinRead(BuiltinMacro builtin, bool inDirective)
    {
        _contextualReads++;
        if (_recorder is null) return;
        // A replayed file keeps its counter values; a counter that chose a branch would make them choose differently.
        if (builtin == BuiltinMacro.Counter && !inDirective) _recorder.UsesCounter = true;
        else _recorder.Tainted = true;
    }

    private PreprocessingStatistics Statistics() =>
        new(1, _filesExecuted, _filesReplayed, _filesCovered, _tokensReplayed, _output.Count, _textRunsReplayed, _conditionsReused);

    /// <summary>A #define of a file: canonical per (Pre-AST file, offset), or per (path, text) for generated text.</summary>
    private MacroDefinition DefinitionOf(SourceFile file, GreenNode directive, int position)
    {
        if (_session is null) return Definitions.FromDirective(directive, position, file.Id, _env.Origins);
        var definitions = _session.Definitions;
        if (file.PreAstFile is not null)
        {
            return definitions.AtPosition(file.Id, position)
                ?? definitions.SetAtPosition(file.Id, position, Definitions.FromDirective(directive, position, file.Id, _env.Origins));
        }
        var text = directive.ToFullString();
        return definitions.WithText(file.Path, text) ?? definitions.SetWithText(file.Path, text, Definitions.FromDirective(directive, position, file.Id, _env.Origins));
    }

    /// <summary>A definition made by the run itself (the builtins, #pragma once, autoconf.h's inclusion): one object per name.</summary>
    private MacroDefinition SyntheticDefinition(string name, BuiltinMacro builtin = BuiltinMacro.None)
    {
        if (_session is null) return new MacroDefinition(name, false, [], false, [], -1, builtin);
        return _session.Definitions.WithText("<synthetic>", name)
            ?? _session.Definitions.SetWithText("<synthetic>", name, new MacroDefinition(name, false, [], false, [], -1, builtin));
    }

    private const string AutoconfPath = "include/generated/autoconf.h";

    private static string GeneratedMarkerName(string path) => MacroTable.SyntheticPrefix + "generated:" + path;

    /// <summary>
    /// "The generated header at this path has this text": defined before the
    /// roots, read at each #include of the header, so a recorded run that
    /// included another text of it does not match. One object per (path, text).
    /// </summary>
    private MacroDefinition GeneratedMarker(string path, string text)
    {
        var name = GeneratedMarkerName(path);
        if (_session is null) return new MacroDefinition(name, false, [], false, [], -1);
        return _session.Definitions.WithText(name, text) ?? _session.Definitions.SetWithText(name, text, new MacroDefinition(name, false, [], false, [], -1));
    }

    /// <summary>
    /// The CONFIG_ name numbered <paramref name="id"/> under the lazy config
    /// source, as autoconf.h would define it: option X set to anything but m
    /// gives CONFIG_X; X=m gives CONFIG_X_MODULE 1. The options are asked each
    /// time (each ask is a dependency for the caller); a session keeps the
    /// definition made from equal entries (<see cref="ConfigAnswers"/>).
    /// </summary>
    private MacroDefinition? ConfigMacro(int id)
    {
        var source = _options.ConfigMacros!;
        var names = _env.Macros.Names;
        var name = names.NameOf(id);
        var option = name["CONFIG_".Length..];
        var entry = source.Option(option);
        ConfigEntry? module = null;
        if ((entry is null || entry.Kind == ConfigValueKind.Module) && option.EndsWith("_MODULE", StringComparison.Ordinal))
        {
            module = source.Option(option[..^"_MODULE".Length]);
        }
        var optionIndex = names.OptionIndex(id);
        if (_session is not null && _session.ConfigAnswers.TryGet(optionIndex, source.MacroRules, entry, module, out var kept)) return kept;
        MacroDefinitionText? text = null;
        if (entry is not null && entry.Kind != ConfigValueKind.Module) text = source.MacroFor(entry);
        else if (module is { Kind: ConfigValueKind.Module }) text = source.MacroFor(module);
        MacroDefinition? definition = null;
        if (text is not null && text.Name == name)
        {
            var line = "#define " + text.Name + " " + text.Replacement + "\n";
            MacroDefinition Make()
            {
                var root = DirectiveParser.ParseGreen(line, _env.Cache);
                return Definitions.FromDirective(root.GetSlot(0)!.GetSlot(0)!, 0, _generatedIds[AutoconfPath], _env.Origins);
            }
            definition = _session is null ? Make() : _session.Definitions.WithText(AutoconfPath, line) ?? _session.Definitions.SetWithText(AutoconfPath, line, Make());
        }
        _session?.ConfigAnswers.Keep(optionIndex, source.MacroRules, entry, module, definition);
        return definition;
    }
}
