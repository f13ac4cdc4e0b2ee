using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Parsing;
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
    private readonly Dictionary<int, SourceFile> _files = [];
    private readonly Dictionary<string, SourceFile> _generated = new(StringComparer.Ordinal);
    private readonly List<string> _filePaths = [];
    private readonly HashSet<int> _pragmaOnce = [];
    private readonly Queue<SourceFile> _roots = new();
    private bool _stopped;

    private Preprocessor(PreAst.PreAst preAst, PreprocessorOptions options)
    {
        _preAst = preAst;
        _options = options;
        var origins = new OriginTable();
        _env = new ExpansionEnvironment(new MacroTable(), origins, this)
        {
            UnsignedChar = options.UnsignedChar,
            BaseFile = preAst.Main.Path,
        };
        _env.Locate = Locate;
        _env.CurrentFile = () => CurrentFile?.Path ?? "";
        _env.IncludeLevel = () => _includeDepth - 1;
        foreach (var file in preAst.Files) _filePaths.Add(file.Path);
    }

    /// <summary>One level of the walk: a list of tree parts (or a text run's tokens) and where we are in it.</summary>
    private sealed class Frame(SourceFile file, GreenNode? list, int position, bool isFileRoot)
    {
        public SourceFile File { get; } = file;

        public GreenNode? List { get; } = list;

        public int Index { get; set; }

        public int Position { get; set; } = position;

        public bool IsFileRoot { get; } = isFileRoot;

        public bool AtLineStart { get; set; } = true;

        public bool PreviousHadTrailing { get; set; }
    }

    public bool Finished { get; private set; }

    private SourceFile? CurrentFile => _frames.Count > 0 ? _frames[^1].File : null;

    /// <summary>Preprocesses one translation unit of the Pre-AST: the module source, or another named source.</summary>
    public static PreprocessResult Run(PreAst.PreAst preAst, PreprocessorOptions options, int source = PreAst.PreAst.MainFile)
    {
        var run = new Preprocessor(preAst, options);
        run._env.BaseFile = preAst.Files[source].Path;
        run.DefinePredefined();
        foreach (var id in preAst.ForcedIncludes) run._roots.Enqueue(run.FileById(id));
        run._roots.Enqueue(run.FileById(source));
        var expander = new MacroExpander(run._env, run);
        var tokens = new List<PPToken>(1 << 20);
        for (var token = expander.Next(); token.Kind != SyntaxKind.EndOfFileToken; token = expander.Next()) tokens.Add(token);
        return new PreprocessResult(tokens, run._env.Origins, [.. run._env.Diagnostics], run._filePaths);
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
                PushFile(_roots.Dequeue());
                continue;
            }
            var frame = _frames[^1];
            if (frame.List is null || frame.Index >= frame.List.SlotCount)
            {
                _frames.RemoveAt(_frames.Count - 1);
                if (frame.IsFileRoot)
                {
                    _includeDepth--;
                    return EndOfFile();
                }
                continue;
            }
            var item = frame.List.GetSlot(frame.Index)!;
            var position = frame.Position;
            frame.Index++;
            frame.Position += item.FullWidth;
            if (item is GreenToken token) return FromText(frame, token, position);
            Run(frame, item, position);
        }
    }

    private PPToken EndOfFile() => new(SyntaxKind.EndOfFileToken, "", PPTokenFlags.None, -1);

    private PPToken FromText(Frame frame, GreenToken token, int position)
    {
        var flags = PPTokenFlags.None;
        if (frame.AtLineStart) flags |= PPTokenFlags.StartOfLine;
        if (token.HasLeadingTrivia || frame.PreviousHadTrailing) flags |= PPTokenFlags.LeadingSpace;
        frame.AtLineStart = token.EndsLine;
        frame.PreviousHadTrailing = token.HasTrailingTrivia;
        var offset = position + token.LeadingWidth;
        var origin = _env.Origins.Add(new TokenOrigin(frame.File.Id, offset, -1, null));
        return new PPToken(token.Kind, SyntaxFacts.ValueText(token.Text), flags, origin);
    }

    private int _includeDepth;

    private void PushFile(SourceFile file)
    {
        _frames.Add(new Frame(file, file.Root.GetSlot(0), 0, isFileRoot: true));
        _includeDepth++;
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
        var file = o.File >= 0 ? FileById(o.File) : _generated.Values.FirstOrDefault(g => g.Id == o.File);
        return file?.Text.GetLocation(o.Offset);
    }

    private SourceLocation LocationOf(Frame frame, int offset) => frame.File.Text.GetLocation(offset);
}
