using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Parsing;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;
using LayoutExpert.Syntax.Text;

namespace LayoutExpert.Preprocessing.Running;

/// <summary>
/// Runs the preprocessor over a Pre-AST with a config (C11 5.1.1.2 phase 4):
/// walks the trees, takes the branches the config selects, runs directives,
/// follows the linked includes, and feeds text tokens to the macro expander,
/// which pulls them one at a time — so a macro call's arguments may span lines
/// and even directives, as in gcc.
/// Order of a run: the predefined macros, then kbuild's forced includes, then
/// the module source.
/// </summary>
public sealed partial class Preprocessor : ITokenSource, IFeatureTests
{
    private readonly PreAst.PreAst _preAst;
    private readonly PreprocessorOptions _options;
    private readonly ExpansionEnvironment _env;
    private readonly List<Frame> _frames = [];
    private readonly Queue<PPToken> _pending = new();
    private readonly Dictionary<int, SourceFile> _files;
    private readonly Dictionary<string, SourceFile> _generated = new(StringComparer.Ordinal);
    private readonly Dictionary<int, SourceFile> _generatedById = [];
    private readonly IReadOnlyDictionary<string, int> _generatedIds;
    private readonly List<string> _filePaths = [];
    private readonly Queue<SourceFile> _roots = new();
    private readonly TokenOutput _output = new();
    private readonly List<ConditionRecord> _conditions = [];
    private bool _stopped;

    private Preprocessor(PreAst.PreAst preAst, PreprocessorOptions options, PreprocessingSession? session)
    {
        _preAst = preAst;
        _options = options;
        _session = session;
        _env = new ExpansionEnvironment(new MacroTable(session?.Names), session?.Origins ?? new OriginTable(), this)
        {
            UnsignedChar = options.UnsignedChar,
            BaseFile = preAst.Main.Path,
            Cache = session?.Cache ?? new GreenNodeCache(),
            Counter = session?.Counter ?? 0,
            ExpansionOrigins = session?.ExpansionOrigins,
        };
        _env.Locate = Locate;
        _env.CurrentFile = () => CurrentFile?.Path ?? "";
        _env.IncludeLevel = () => _includeDepth - 1;
        _files = session?.Files ?? [];
        foreach (var file in preAst.Files) _filePaths.Add(file.Path);
        // Generated headers are numbered by sorted path (-1, -2, ...), not by first inclusion, so ids are the same in every run.
        var generated = PreAst.PreAst.GeneratedHeaders.Concat(options.GeneratedHeaders.Keys);
        if (session is not null)
        {
            _filePaths.AddRange(session.GeneratedIds(generated, out _generatedIds));
        }
        else
        {
            var paths = generated.Distinct().Order(StringComparer.Ordinal).ToList();
            _generatedIds = paths.Select((path, i) => (path, id: -1 - i)).ToDictionary(p => p.path, p => p.id, StringComparer.Ordinal);
            _filePaths.AddRange(paths);
        }
        if (session is not null) _env.ContextualBuiltinRead = ContextualBuiltinRead;
        if (options.ConfigMacros is not null) _env.Macros.ConfigSource = ConfigMacro;
    }

    /// <summary>One level of the walk: a list of tree parts (or a text run's tokens) and where we are in it.</summary>
    private sealed class Frame(SourceFile file, GreenNode? list, int position, bool isFileRoot)
    {
        public SourceFile File { get; } = file;

        public GreenNode? List { get; } = list;

        public int Index { get; set; }

        /// <summary>Where the walk of <see cref="List"/> ends: its end, or a text chunk's.</summary>
        public int End { get; init; } = list?.SlotCount ?? 0;

        /// <summary>For a text run cut into chunks: the cuts, <see cref="Index"/> counting the chunks begun (each is walked by a frame of its own).</summary>
        public TextChunks? Chunks { get; init; }

        public int Position { get; set; } = position;

        public bool IsFileRoot { get; } = isFileRoot;

        public bool AtLineStart { get; set; } = true;

        public bool PreviousHadTrailing { get; set; }

        /// <summary>In a session, for a text run: its tokens' origins plus one, 0 for one not made yet (see <see cref="SourceFile.TextOrigins"/>).</summary>
        public int[]? TextOrigins { get; init; }

        /// <summary>In a session, the recorder of this file's run (on a file's root frame) or of this text run (on its frame); null when it began at no plain point.</summary>
        public FileRunRecorder? Recorder { get; init; }
    }

    public bool Finished { get; private set; }

    private SourceFile? CurrentFile => _frames.Count > 0 ? _frames[^1].File : null;

    /// <summary>Preprocesses one translation unit of the Pre-AST: the module source, or another named source.</summary>
    public static PreprocessResult Run(PreAst.PreAst preAst, PreprocessorOptions options, int source = PreAst.PreAst.MainFile) =>
        Run(preAst, options, source, null);

    /// <summary>
    /// Preprocesses one translation unit; with a <paramref name="session"/>,
    /// included files whose macro reads are unchanged since a recorded run are
    /// replayed (the output is the same, but for __COUNTER__ values).
    /// </summary>
    public static PreprocessResult Run(PreAst.PreAst preAst, PreprocessorOptions options, int source, PreprocessingSession? session)
    {
        session?.BeginRun(preAst);
        var run = new Preprocessor(preAst, options, session);
        run._env.BaseFile = preAst.Files[source].Path;
        run.DefinePredefined();
        foreach (var id in preAst.ForcedIncludes) run._roots.Enqueue(run.FileById(id));
        run._roots.Enqueue(run.FileById(source));
        var expander = new MacroExpander(run._env, run);
        var tokens = run._output;
        for (var token = expander.Next(); token.Kind != SyntaxKind.EndOfFileToken; token = expander.Next()) tokens.Add(token);
        if (session is not null)
        {
            session.Counter = Math.Max(session.Counter, run._env.Counter);
            session.EndRun(run.Statistics());
        }
        return new PreprocessResult(tokens.ToSequence(), run._env.Origins, [.. run._env.Diagnostics], run._filePaths, run._conditions);
    }

    /// <summary>The next unexpanded text token, running the directives met on the way.</summary>
    public PPToken Next()
    {
        while (true)
        {
            if (_pending.Count > 0) return _pending.Dequeue();
            if (_frames.Count == 0)
            {
                if (_stopped || _roots.Count == 0)
                {
                    Finished = true;
                    return EndOfFile();
                }
                var root = _roots.Dequeue();
                if (!TryReplay(root)) PushFile(root);
                continue;
            }
            var frame = _frames[^1];
            if (frame.Chunks is { } chunks)
            {
                NextChunk(frame, chunks);
                continue;
            }
            if (frame.List is null || frame.Index >= frame.End)
            {
                _frames.RemoveAt(_frames.Count - 1);
                if (frame.IsFileRoot)
                {
                    _includeDepth--;
                    if (frame.Recorder is { } recorder) EndRecording(recorder);
                    else if (_includeDepth == 0) _rootPrefix = null;
                    return EndOfFile();
                }
                if (frame.Recorder is { } textRecorder) EndRecording(textRecorder);
                continue;
            }
            var item = frame.List.GetSlot(frame.Index)!;
            var position = frame.Position;
            frame.Index++;
            frame.Position += item.FullWidth;
            if (item is GreenToken token) return FromText(frame, token, position, frame.Index - 1);
            Run(frame, item, position);
        }
    }

    private PPToken EndOfFile() => new(SyntaxKind.EndOfFileToken, "", PPTokenFlags.None, -1);

    private PPToken FromText(Frame frame, GreenToken token, int position, int index)
    {
        var flags = PPTokenFlags.None;
        if (frame.AtLineStart) flags |= PPTokenFlags.StartOfLine;
        if (token.HasLeadingTrivia || frame.PreviousHadTrailing) flags |= PPTokenFlags.LeadingSpace;
        frame.AtLineStart = token.EndsLine;
        frame.PreviousHadTrailing = token.HasTrailingTrivia;
        var offset = position + token.LeadingWidth;
        int origin;
        if (frame.TextOrigins is { } kept)
        {
            // In a session the file's tokens keep their origins across runs (see SourceFile.TextOrigins).
            origin = kept[index] - 1;
            if (origin < 0) kept[index] = (origin = _env.Origins.Append(new TokenOrigin(frame.File.Id, offset, -1, null))) + 1;
        }
        else
        {
            origin = _env.Origins.Add(new TokenOrigin(frame.File.Id, offset, -1, null));
        }
        return new PPToken(token.Kind, SyntaxFacts.ValueText(token.Text), flags, origin);
    }

    private int _includeDepth;

    private void PushFile(SourceFile file)
    {
        _includeDepth++;
        _frames.Add(new Frame(file, file.Root.GetSlot(0), 0, isFileRoot: true) { Recorder = BeginRecording(file) });
    }

    private SourceFile FileById(int id)
    {
        if (!_files.TryGetValue(id, out var file))
        {
            var pre = _preAst.Files[id];
            file = new SourceFile(id, pre.Path, pre.Root, pre);
            _files[id] = file;
        }
        return file;
    }

    private SourceLocation? Locate(int origin)
    {
        if (origin < 0 || origin >= _env.Origins.Count) return null;
        // Report where the outermost expansion happened: that is the line a reader can find.
        var o = _env.Origins.Chain(origin).Last();
        var file = o.File >= 0 ? FileById(o.File) : _generatedById.GetValueOrDefault(o.File);
        return file?.Text.GetLocation(o.Offset);
    }

    private SourceLocation LocationOf(Frame frame, int offset) => frame.File.Text.GetLocation(offset);
}
