using LayoutExpert.Preprocessing.Macros;
using LayoutExpert.Preprocessing.Running;
using LayoutExpert.Preprocessing.Tokens;
using LayoutExpert.Syntax.Diagnostics;

namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// One recorded run of an included file (or a root of the unit, or one text
/// run of a file: see <see cref="TextPosition"/>), from a plain point to a
/// plain point: what it read of the macro table before writing it
/// itself, what it left in the table, and what it produced. Running the file
/// again where every read is the same object gives the same run, so a session
/// replays it instead. Immutable once recorded, except for the __COUNTER__
/// bookkeeping of the session's current run.
/// </summary>
internal sealed class FileRun
{
    public required SourceFile File { get; init; }

    /// <summary>For a run of one text run of <see cref="File"/> (its lines between directives), the text run's position; -1 for a whole file's run.</summary>
    public int TextPosition { get; init; } = -1;

    public bool IsTextRun => TextPosition >= 0;

    /// <summary>Names (by their session number, see <see cref="PreprocessingSession.Names"/>) read before the run wrote them, with the definition seen (null: undefined); the first <see cref="VolatileReads"/> are CONFIG_ and synthetic names.</summary>
    public KeyValuePair<int, MacroDefinition?>[] Reads => Names.Reads;

    /// <summary>
    /// CONFIG_ names read after the run itself included autoconf.h (kconfig.h
    /// does, then reads CONFIG_CPU_BIG_ENDIAN), with the definition seen:
    /// where the run starts the options are not visible yet, so these are
    /// checked against what they would read after the inclusion
    /// (<see cref="MacroTable.PeekAfterAutoconf"/>), not against the table.
    /// </summary>
    public KeyValuePair<int, MacroDefinition?>[] OptionReads => Names.OptionReads;

    /// <summary>How many of <see cref="Reads"/>, at the start, are of CONFIG_ and synthetic names (what differs between configs).</summary>
    public int VolatileReads => Names.VolatileReads;

    /// <summary>Only the volatile reads were recorded (see <see cref="FileRunRecorder.VolatileOnly"/>): replayable only after the same root prefix.</summary>
    public bool OnlyVolatileReads { get; init; }

    /// <summary>
    /// For a root of the unit: what made the macro table it started from (the
    /// predefined operations, the generated headers' markers, the roots' runs
    /// before it), as objects; null for an included file.
    /// </summary>
    public object[]? RootPrefix { get; init; }

    /// <summary>The run's net effect: each name (by number) written, with its final definition (null: undefined).</summary>
    public KeyValuePair<int, MacroDefinition?>[] Writes => Names.Writes;

    public required int TokenCount { get; init; }

    /// <summary>What a replay appends (see <see cref="Reuse.ReplayOutput"/>).</summary>
    public ReplayOutput ReplayOutput => _output ?? FlattenOutput();

    private RunParts? _parts;
    private RunNames? _names;
    private ReplayOutput? _output;

    /// <summary>What the run read and wrote, merged when it was recorded; or null, with <see cref="Parts"/>.</summary>
    public RunNames? MergedNames
    {
        get => _names;
        init => _names = value;
    }

    /// <summary>What the run replays, flattened when it was recorded; or null, with <see cref="Parts"/>.</summary>
    public ReplayOutput? FlatOutput
    {
        get => _output;
        init => _output = value;
    }

    /// <summary>The recording's parts, for a run merged and flattened when first needed (see <see cref="RunParts"/>); null once both are done.</summary>
    public RunParts? Parts
    {
        get => _parts;
        init => _parts = value;
    }

    private RunNames Names => _names ?? FlattenNames();

    private RunNames FlattenNames()
    {
        _names = _parts!.Flatten();
        if (_output is not null) _parts = null;
        return _names;
    }

    private ReplayOutput FlattenOutput()
    {
        _output = ReplayOutput.Of(_parts!.Segments, IsTextRun);
        if (_names is not null) _parts = null;
        return _output;
    }

    /// <summary>How many include levels below this file's own the run went: replayed deeper, it must stay within the limit.</summary>
    public required int RelativeDepth { get; init; }

    /// <summary>#if arithmetic on character constants depends on -funsigned-char, which is not in the table.</summary>
    public required bool UnsignedChar { get; init; }

    /// <summary>The run (or one inside it) expanded __COUNTER__.</summary>
    public required bool UsesCounter { get; init; }

    /// <summary>The counter after the run: replaying it moves the session's counter at least this far.</summary>
    public required int CounterEnd { get; init; }

    /// <summary>The run (or one included in it) included autoconf.h: an includer's option reads after it see the config's answers.</summary>
    public bool IncludedAutoconf { get; init; }

    /// <summary>The session run in which this run's counter values were last issued or replayed (they must appear once per output).</summary>
    public int CounterRun { get; set; }

    /// <summary>The included runs that use __COUNTER__: the only ones the counter bookkeeping visits (a file's runs nest hundreds of others).</summary>
    public FileRun[] CounterChildren { get; init; } = [];

    /// <summary>Whether replaying would repeat counter values already in the output of session run <paramref name="run"/>.</summary>
    public bool CounterUsedIn(int run)
    {
        if (!UsesCounter) return false;
        if (CounterRun == run) return true;
        foreach (var child in CounterChildren)
        {
            if (child.CounterUsedIn(run)) return true;
        }
        return false;
    }

    public void MarkCounterUsed(int run)
    {
        if (!UsesCounter) return;
        CounterRun = run;
        foreach (var child in CounterChildren) child.MarkCounterUsed(run);
    }
}

/// <summary>A stretch of a recording's output: its own tokens, #if records and diagnostics, or an included file's run; flattened into the run's <see cref="ReplayOutput"/> when the recording ends.</summary>
internal sealed class FileRunSegment
{
    /// <summary>The own tokens, as the pieces of the recording run's output that hold them (shared, never written again).</summary>
    public ArraySegment<PPToken>[] Pieces { get; init; } = [];

    public int TokenCount => Child?.TokenCount ?? Pieces.Sum(p => p.Count);

    public ConditionRecord[] Conditions { get; init; } = [];

    public Diagnostic[] Diagnostics { get; init; } = [];

    public FileRun? Child { get; init; }
}
