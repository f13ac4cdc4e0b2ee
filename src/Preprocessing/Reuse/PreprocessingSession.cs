using LayoutExpert.Preprocessing.Expansion;
using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Syntax;
using LayoutExpert.Syntax.Green;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// Incremental preprocessing over one Pre-AST: runs given this session record,
/// per included file, what the file read of the macro table and what it
/// produced, and later runs replay a file whose reads are all unchanged instead
/// of running its directives again. So a run under a config that differs from
/// an earlier one in a few options costs what the affected files cost.
/// The caller owns it (one per query database); sessions share nothing, and
/// one session serves one run at a time. It keeps: the origin table (an
/// append-only interner, so replayed tokens' origins stay valid), the
/// canonical macro definitions, the files as the runs see them, the recorded
/// runs (at most <see cref="MaxRunsPerFile"/> per file, newest first), and
/// the __COUNTER__ value, which never goes back, so values stay unique.
/// </summary>
public sealed class PreprocessingSession
{
    private readonly Dictionary<SourceFile, List<FileRun>> _runs = new(ReferenceEqualityComparer.Instance);

    /// <summary>Recorded runs of text runs, by file and position: a file that must run again replays its unchanged text.</summary>
    private readonly Dictionary<(SourceFile File, int Position), List<FileRun>> _textRuns = [];
    private readonly Dictionary<string, int> _generatedIds = new(StringComparer.Ordinal);
    private readonly List<string> _generatedPaths = [];
    private PreAst.PreAst? _preAst;

    public PreprocessingSession(int maxRunsPerFile = 16)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRunsPerFile, 1);
        MaxRunsPerFile = maxRunsPerFile;
        Names = new MacroNames { PlainNameAdded = _ => ForgetRuns() };
    }

    public int MaxRunsPerFile { get; }

    /// <summary>
    /// Whether a file's later runs are merged when first needed rather than
    /// when recorded (see <see cref="MergesLater"/>); on by default. Either way the
    /// runs are the same: tests turn it off to compare.
    /// </summary>
    public bool MergeLaterRuns { get; init; } = true;

    /// <summary>Every run's figures added up.</summary>
    public PreprocessingStatistics Total { get; private set; }

    /// <summary>The last run's figures.</summary>
    public PreprocessingStatistics LastRun { get; private set; }

    internal OriginTable Origins { get; } = new(intern: true);

    /// <summary>Expanded tokens' origins, kept per (definition, site) so every run finds the same ones.</summary>
    internal ExpansionOrigins ExpansionOrigins { get; } = new();

    internal GreenNodeCache Cache { get; } = new();

    internal CanonicalDefinitions Definitions { get; } = new();

    /// <summary>Pre-AST files by id, and generated headers by (path, text): parsed once, with their guards and include indices.</summary>
    internal Dictionary<int, SourceFile> Files { get; } = [];

    internal Dictionary<(string Path, string Text), SourceFile> GeneratedFiles { get; } = [];

    internal int Counter { get; set; }

    /// <summary>Numbers the runs, for the __COUNTER__ bookkeeping of file runs.</summary>
    internal int RunNumber { get; private set; }

    internal void BeginRun(PreAst.PreAst preAst)
    {
        if (_preAst is null)
        {
            _preAst = preAst;
            foreach (var file in preAst.Files) AddDefinableNames(file.Root);
        }
        if (!ReferenceEquals(_preAst, preAst))
        {
            throw new ArgumentException("a preprocessing session serves the runs of one Pre-AST", nameof(preAst));
        }
        RunNumber++;
    }

    /// <summary>
    /// The numbering of macro names every run's table shares (see
    /// <see cref="MacroNames"/>). A plain name is numbered when some run could
    /// find it defined: a name some #define of the Pre-AST, the predefined
    /// macros or a generated header defines (CONFIG_ and synthetic names are
    /// numbered as met). Any other name is undefined in every state of every
    /// run, so the table does not even report reading it: most identifiers of
    /// C code never name a macro, and this keeps file runs' read sets to the
    /// names that can matter. A new plain name means runs recorded before it
    /// may have left its reads out, so they are forgotten.
    /// </summary>
    internal MacroNames Names { get; }

    /// <summary>A name a run defines outside the Pre-AST (predefined, generated): numbered (see <see cref="Names"/>).</summary>
    internal void AddDefinable(string name) => Names.IdOf(name);

    private readonly Stack<int[]> _nameIndexes = new();

    /// <summary>An index by name number for a recording's <see cref="RecordedNames"/>: one per recording in progress, reused, never cleared.</summary>
    internal int[] BorrowNameIndex() =>
        _nameIndexes.TryPop(out var index) && index.Length >= Names.Count ? index : new int[Names.Count + 1024];

    /// <summary>A longer index for name number <paramref name="id"/>, numbered after the index was borrowed, keeping what it holds.</summary>
    internal int[] GrowNameIndex(int[] index, int id)
    {
        var grown = new int[Math.Max(id, Names.Count) + 1024];
        Array.Copy(index, grown, index.Length);
        return grown;
    }

    internal void ReturnNameIndex(int[] index)
    {
        // Recordings nest as deep as includes do; a recording dropped by a fatal error simply never returns its index.
        if (_nameIndexes.Count < 64) _nameIndexes.Push(index);
    }

    /// <summary>Each option's last answer, for runs under other configs.</summary>
    internal ConfigAnswers ConfigAnswers { get; } = new();

    /// <summary>The #if and #elif lines decided so far, for files that run again.</summary>
    internal ConditionMemo Conditions { get; } = new();

    private readonly Stack<RecordedNames.Entry[]> _entryArrays = new();

    /// <summary>An array for a recording's entries, reused: recordings merge some 90,000 entries per run into their includers'.</summary>
    internal RecordedNames.Entry[] BorrowEntries() => _entryArrays.TryPop(out var entries) ? entries : new RecordedNames.Entry[64];

    internal void ReturnEntries(RecordedNames.Entry[] entries)
    {
        if (_entryArrays.Count < 64) _entryArrays.Push(entries);
    }

    private void ForgetRuns()
    {
        Conditions.Clear();
        _runs.Clear();
        _textRuns.Clear();
    }

    /// <summary>The names of every #define in a tree, in every branch.</summary>
    internal void AddDefinableNames(GreenNode node)
    {
        if (node.Kind == SyntaxKind.DefineDirective)
        {
            if (node.GetSlot(2) is GreenToken name) AddDefinable(SyntaxFacts.ValueText(name.Text));
            return;
        }
        if (node.IsToken || node.Kind == SyntaxKind.TextRun) return;
        for (var i = 0; i < node.SlotCount; i++)
        {
            if (node.GetSlot(i) is { } child) AddDefinableNames(child);
        }
    }

    /// <summary>The predefined macros' text to the table operations it makes (name, definition or null for #undef): parsed once per text.</summary>
    internal Dictionary<string, List<KeyValuePair<string, MacroDefinition?>>> Predefined { get; } = new(StringComparer.Ordinal);

    internal void EndRun(PreprocessingStatistics run)
    {
        LastRun = run;
        Total += run;
    }

    /// <summary>
    /// Ids of generated headers: -1, -2, ... in sorted path order as first
    /// known, the same whichever run includes them first.
    /// </summary>
    internal IReadOnlyList<string> GeneratedIds(IEnumerable<string> paths, out IReadOnlyDictionary<string, int> ids)
    {
        foreach (var path in paths.Distinct().Order(StringComparer.Ordinal))
        {
            if (_generatedIds.ContainsKey(path)) continue;
            _generatedIds[path] = -1 - _generatedPaths.Count;
            _generatedPaths.Add(path);
        }
        ids = _generatedIds;
        return _generatedPaths;
    }

    /// <summary>
    /// A recorded run of <paramref name="file"/> that would run the same from the current table, or null.
    /// For a root, <paramref name="rootPrefix"/> says what made the table (see <see cref="FileRun.RootPrefix"/>).
    /// </summary>
    internal FileRun? Find(SourceFile file, MacroTable table, int level, bool unsignedChar, List<object>? rootPrefix = null) =>
        _runs.TryGetValue(file, out var runs) ? FirstMatch(runs, table, level, unsignedChar, rootPrefix) : null;

    /// <summary>A recorded run of the text run at <paramref name="position"/> of <paramref name="file"/> that would run the same from the current table, or null.</summary>
    internal FileRun? FindText(SourceFile file, int position, MacroTable table, int level, bool unsignedChar) =>
        _textRuns.TryGetValue((file, position), out var runs) ? FirstMatch(runs, table, level, unsignedChar, null) : null;

    private FileRun? FirstMatch(List<FileRun> runs, MacroTable table, int level, bool unsignedChar, List<object>? rootPrefix)
    {
        foreach (var run in runs)
        {
            if (Matches(run, table, level, unsignedChar, rootPrefix)) return run;
        }
        return null;
    }

    private bool Matches(FileRun run, MacroTable table, int level, bool unsignedChar, List<object>? rootPrefix)
    {
        if (run.UnsignedChar != unsignedChar || level + run.RelativeDepth > PreprocessorOptions.MaxIncludeDepth) return false;
        // A root whose table was made by the very same operations as the recorded run's holds every name as that run
        // found it but the CONFIG_ names the config answers (and the synthetic ones): only those (the volatile reads) are
        // looked up. The module's root reads some 20,000 names, 860 of them options.
        var samePrefix = SamePrefix(run.RootPrefix, rootPrefix);
        if (run.OnlyVolatileReads && !samePrefix) return false;
        foreach (var (id, seen) in run.OptionReads)
        {
            if (!ReferenceEquals(table.PeekAfterAutoconf(id), seen)) return false;
        }
        var reads = samePrefix ? run.VolatileReads : run.Reads.Length;
        for (var i = 0; i < reads; i++)
        {
            var (id, seen) = run.Reads[i];
            if (!ReferenceEquals(table.Peek(id), seen)) return false;
        }
        return !run.CounterUsedIn(RunNumber);
    }

    private static bool SamePrefix(object[]? recorded, List<object>? now)
    {
        if (recorded is null || now is null || recorded.Length != now.Count) return false;
        for (var i = 0; i < recorded.Length; i++)
        {
            if (!ReferenceEquals(recorded[i], now[i])) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the run of <paramref name="file"/> (at <paramref name="textPosition"/>,
    /// for a text run's) just recorded is merged later: when a run of it is
    /// already kept. A file's first run is merged when
    /// recorded, since the next config will most likely replay it; a later one
    /// ran because something it read changed, and is merged when first needed
    /// (see <see cref="RunParts"/>).
    /// </summary>
    internal bool MergesLater(SourceFile file, int textPosition) =>
        MergeLaterRuns && (textPosition >= 0 ? _textRuns.ContainsKey((file, textPosition)) : _runs.ContainsKey(file));

    internal void Remember(FileRun run)
    {
        List<FileRun>? runs;
        if (run.IsTextRun)
        {
            if (!_textRuns.TryGetValue((run.File, run.TextPosition), out runs)) _textRuns[(run.File, run.TextPosition)] = runs = [];
        }
        else if (!_runs.TryGetValue(run.File, out runs))
        {
            _runs[run.File] = runs = [];
        }
        runs.Insert(0, run);
        if (runs.Count > MaxRunsPerFile) runs.RemoveAt(runs.Count - 1);
    }
}
