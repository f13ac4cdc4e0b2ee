using System.Runtime.InteropServices;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// Records one file's run while it executes. Only the innermost recorder
/// observes the macro table; when an included file ends, its reads (less the
/// names this file had already written) and writes are merged into this one,
/// so each lookup costs one dictionary probe.
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

    private void Read(int id, MacroDefinition? seen, bool afterAutoconf)
    {
        if (VolatileOnly && !_numbers.IsVolatile(id)) return;
        ref var entry = ref _names.GetOrAdd(id, out var exists);
        if (exists) return;
        entry.Read = true;
        entry.AfterAutoconf = afterAutoconf;
        entry.Seen = seen;
    }

    public void Wrote(int id, MacroDefinition? now)
    {
        if (now is not null && id == _autoconfId) _includedAutoconf = true;
        if (VolatileOnly && !_numbers.IsVolatile(id)) return;
        ref var entry = ref _names.GetOrAdd(id, out _);
        entry.Written = true;
        entry.Now = now;
    }

    /// <summary>Ends the recording as a run: its last own part is cut at the current end of the output.</summary>
    public FileRun Finish(bool unsignedChar, int counter)
    {
        CloseOwnPart();
        _names.Release();
        int readCount = 0, optionReadCount = 0, writeCount = 0;
        foreach (ref readonly var entry in _names.Entries)
        {
            if (entry.Read && entry.AfterAutoconf) optionReadCount++;
            else if (entry.Read) readCount++;
            if (entry.Written) writeCount++;
        }
        var reads = new KeyValuePair<int, MacroDefinition?>[readCount];
        var optionReads = new KeyValuePair<int, MacroDefinition?>[optionReadCount];
        var writes = new KeyValuePair<int, MacroDefinition?>[writeCount];
        int volatileReads = 0, nextRead = 0, nextOptionRead = 0, nextWrite = 0;
        foreach (ref readonly var entry in _names.Entries)
        {
            var id = entry.Id;
            if (entry.Read && entry.AfterAutoconf)
            {
                optionReads[nextOptionRead++] = new(id, entry.Seen);
            }
            else if (entry.Read)
            {
                reads[nextRead++] = new(id, entry.Seen);
                // What differs between configs first (options, generated headers' texts), so a check fails early.
                if (_numbers.IsVolatile(id))
                {
                    (reads[volatileReads], reads[nextRead - 1]) = (reads[nextRead - 1], reads[volatileReads]);
                    volatileReads++;
                }
            }
            if (entry.Written) writes[nextWrite++] = new(id, entry.Now);
        }
        _names.ReleaseEntries();
        var tokens = 0;
        var counterChildren = new List<FileRun>();
        foreach (var segment in _segments)
        {
            tokens += segment.TokenCount;
            if (segment.Child is { UsesCounter: true } child) counterChildren.Add(child);
        }
        return new FileRun
        {
            File = File,
            TextPosition = TextPosition,
            Reads = reads,
            OptionReads = optionReads,
            VolatileReads = volatileReads,
            OnlyVolatileReads = VolatileOnly,
            RootPrefix = RootPrefix,
            Writes = writes,
            ReplayOutput = ReplayOutput.Of(_segments, TextPosition >= 0),
            TokenCount = tokens,
            RelativeDepth = DeepestLevel - Level,
            UnsignedChar = unsignedChar,
            UsesCounter = UsesCounter,
            CounterChildren = [.. counterChildren],
            CounterEnd = counter,
        };
    }

    /// <summary>An included file's run ended (or was replayed) inside this one: it becomes a segment, and what it read and wrote is ours.</summary>
    public void AddChild(FileRun child, int tokenStart, int conditionStart, int diagnosticStart)
    {
        CloseOwnPart(tokenStart, conditionStart, diagnosticStart);
        _segments.Add(new FileRunSegment { Child = child });
        // A child's volatile reads come first: they are all a volatile-only recording takes.
        var reads = VolatileOnly ? child.Reads.AsSpan(0, child.VolatileReads) : child.Reads;
        foreach (var (id, seen) in reads) Read(id, seen);
        foreach (var (id, seen) in child.OptionReads) Read(id, seen, afterAutoconf: true);
        foreach (var (id, now) in child.Writes) Wrote(id, now);
        UsesCounter |= child.UsesCounter;
        DeepestLevel = Math.Max(DeepestLevel, Level + 1 + child.RelativeDepth);
        Resume();
    }

    /// <summary>An included file recorded but not kept as a run (it did not end at a plain point): its segments and its reads and writes are ours.</summary>
    public void Absorb(FileRunRecorder child)
    {
        CloseOwnPart(child._tokenStartOfRecording, child._conditionStartOfRecording, child._diagnosticStartOfRecording);
        child.CloseOwnPart();
        _segments.AddRange(child._segments);
        child._names.Release();
        foreach (ref readonly var entry in child._names.Entries)
        {
            if (entry.Read) Read(entry.Id, entry.Seen, entry.AfterAutoconf);
            if (entry.Written) Wrote(entry.Id, entry.Now);
        }
        child._names.ReleaseEntries();
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
