using System.Runtime.InteropServices;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// Records one file's run while it executes. Only the innermost recorder
/// observes the macro table: it keeps this file's own first read and writes
/// of each name, with when they happened, and the runs included in order.
/// The included runs' reads (less the names already touched) and writes are
/// merged into the run when it ends, or, for a file run again, when its run
/// is first needed (see <see cref="RunParts"/>).
/// </summary>
internal sealed class FileRunRecorder(
    PreprocessingSession session, SourceFile file, FileRunRecorder? parent, int level,
    TokenOutput output, List<ConditionRecord> conditions, List<Diagnostic> diagnostics)
    : IMacroTableObserver
{
    private readonly RecordedNames _names = new(session);
    private readonly MacroNames _numbers = session.Names;
    private readonly int _autoconfId = session.Names.IdOf(MacroTable.AutoconfIncluded);
    private readonly List<FileRunSegment> _segments = [];
    private readonly List<FileRun> _children = [];
    private int _tokenStart = output.Mark();
    private int _conditionStart = conditions.Count;
    private int _diagnosticStart = diagnostics.Count;

    public SourceFile File { get; } = file;

    public FileRunRecorder? Parent { get; } = parent;

    /// <summary>The include level of the file (1 for a root).</summary>
    public int Level { get; } = level;

    /// <summary>Something happened whose result the table does not determine (__INCLUDE_LEVEL__, __BASE_FILE__, push_macro, a depth or fatal error): neither this run nor its ancestors may be replayed.</summary>
    public bool Tainted { get; set; }

    public bool UsesCounter { get; set; }

    /// <summary>For a text run's recording, its position in <see cref="File"/>; -1 for a file's.</summary>
    public int TextPosition { get; init; } = -1;

    /// <summary>For a root of the unit, what its starting table was made of (see <see cref="FileRun.RootPrefix"/>).</summary>
    public object[]? RootPrefix { get; init; }

    /// <summary>The deepest include level reached inside this run.</summary>
    public int DeepestLevel { get; set; } = level;

    /// <summary>
    /// For the unit's last root (the module source) recorded after a known
    /// prefix: only CONFIG_ and synthetic names are recorded. Such a root is
    /// replayed only after the same prefix, where only those reads are checked,
    /// and its writes are never applied (nothing runs after it); merging the
    /// 20,000 names its includes read into it would be work for nothing.
    /// </summary>
    public bool VolatileOnly { get; init; }

    /// <summary>This run (or one merged into it) defined autoconf.h's inclusion marker: option reads from now on see the config's answers.</summary>
    private bool _includedAutoconf;

    public void Read(int id, MacroDefinition? seen) => Read(id, seen, _includedAutoconf && _numbers.IsConfig(id));

    /// <summary>The time of own events now: after the included runs so far (see <see cref="RunParts"/>).</summary>
    private int OwnTime => 2 * _children.Count;

    private void Read(int id, MacroDefinition? seen, bool afterAutoconf)
    {
        if (VolatileOnly && !_numbers.IsVolatile(id)) return;
        ref var entry = ref _names.GetOrAdd(id, out var exists);
        if (exists) return;
        entry.Read = true;
        entry.ReadTime = OwnTime;
        entry.AfterAutoconf = afterAutoconf;
        entry.Seen = seen;
    }

    public void Wrote(int id, MacroDefinition? now)
    {
        if (now is not null && id == _autoconfId) _includedAutoconf = true;
        if (VolatileOnly && !_numbers.IsVolatile(id)) return;
        ref var entry = ref _names.GetOrAdd(id, out _);
        if (!entry.Written) entry.FirstWriteTime = OwnTime;
        entry.Written = true;
        entry.LastWriteTime = OwnTime;
        entry.Now = now;
    }

    /// <summary>
    /// Ends the recording as a run: its last own part is cut at the current
    /// end of the output. With <paramref name="mergeLater"/> the included runs'
    /// reads and writes are merged, and the output flattened, when the run is
    /// first needed.
    /// </summary>
    public FileRun Finish(bool unsignedChar, int counter, bool mergeLater)
    {
        CloseOwnPart();
        var tokens = 0;
        var counterChildren = new List<FileRun>();
        foreach (var segment in _segments)
        {
            tokens += segment.TokenCount;
            if (segment.Child is { UsesCounter: true } child) counterChildren.Add(child);
        }
        RunParts? parts = null;
        RunNames? names = null;
        ReplayOutput? output = null;
        if (mergeLater)
        {
            _names.Release();
            parts = new RunParts(session, _names.Entries.ToArray(), [.. _children], [.. _segments], VolatileOnly);
            _names.ReleaseEntries();
        }
        else
        {
            names = RunParts.Flatten(_names, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_children), VolatileOnly, _numbers);
            output = ReplayOutput.Of(_segments, TextPosition >= 0);
        }
        return new FileRun
        {
            File = File,
            TextPosition = TextPosition,
            OnlyVolatileReads = VolatileOnly,
            RootPrefix = RootPrefix,
            MergedNames = names,
            FlatOutput = output,
            Parts = parts,
            TokenCount = tokens,
            RelativeDepth = DeepestLevel - Level,
            UnsignedChar = unsignedChar,
            UsesCounter = UsesCounter,
            CounterChildren = [.. counterChildren],
            CounterEnd = counter,
            IncludedAutoconf = _includedAutoconf,
        };
    }

    /// <summary>An included file's run ended (or was replayed) inside this one: it becomes a segment, and what it read and wrote is ours (merged when this run ends).</summary>
    public void AddChild(FileRun child, int tokenStart, int conditionStart, int diagnosticStart)
    {
        CloseOwnPart(tokenStart, conditionStart, diagnosticStart);
        _segments.Add(new FileRunSegment { Child = child });
        _children.Add(child);
        _includedAutoconf |= child.IncludedAutoconf;
        UsesCounter |= child.UsesCounter;
        DeepestLevel = Math.Max(DeepestLevel, Level + 1 + child.RelativeDepth);
        Resume();
    }

    /// <summary>An included file recorded but not kept as a run (it did not end at a plain point): its segments and its reads and writes (its included runs' merged in) are ours, as of now.</summary>
    public void Absorb(FileRunRecorder child)
    {
        CloseOwnPart(child._tokenStartOfRecording, child._conditionStartOfRecording, child._diagnosticStartOfRecording);
        child.CloseOwnPart();
        _segments.AddRange(child._segments);
        RunParts.MergeChildren(child._names, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(child._children), child.VolatileOnly, _numbers);
        child._names.Release();
        foreach (ref readonly var entry in child._names.Entries)
        {
            if (entry.Read) Read(entry.Id, entry.Seen, entry.AfterAutoconf);
            if (entry.Written) Wrote(entry.Id, entry.Now);
        }
        child._names.ReleaseEntries();
        _includedAutoconf |= child._includedAutoconf;
        Tainted |= child.Tainted;
        UsesCounter |= child.UsesCounter;
        DeepestLevel = Math.Max(DeepestLevel, child.DeepestLevel);
        Resume();
    }

    private readonly int _tokenStartOfRecording = output.Count;
    private readonly int _conditionStartOfRecording = conditions.Count;
    private readonly int _diagnosticStartOfRecording = diagnostics.Count;

    public int TokenStartOfRecording => _tokenStartOfRecording;

    public int ConditionStartOfRecording => _conditionStartOfRecording;

    public int DiagnosticStartOfRecording => _diagnosticStartOfRecording;

    private void CloseOwnPart() => CloseOwnPart(output.Mark(), conditions.Count, diagnostics.Count);

    private void CloseOwnPart(int tokenEnd, int conditionEnd, int diagnosticEnd)
    {
        if (tokenEnd == _tokenStart && conditionEnd == _conditionStart && diagnosticEnd == _diagnosticStart) return;
        _segments.Add(new FileRunSegment
        {
            Pieces = output.Pieces(_tokenStart, tokenEnd),
            Conditions = Slice(conditions, _conditionStart, conditionEnd),
            Diagnostics = Slice(diagnostics, _diagnosticStart, diagnosticEnd),
        });
    }

    /// <summary>Starts the next own part at the current end of the output.</summary>
    public void Resume()
    {
        _tokenStart = output.Mark();
        _conditionStart = conditions.Count;
        _diagnosticStart = diagnostics.Count;
    }

    private static T[] Slice<T>(List<T> list, int start, int end) =>
        end <= start ? [] : CollectionsMarshal.AsSpan(list)[start..end].ToArray();
}
