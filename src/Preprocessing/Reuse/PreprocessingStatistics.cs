namespace LayoutExpert.Preprocessing.Reuse;

/// <summary>
/// What a session's runs did: included files (and roots) executed, files
/// replayed (<see cref="FilesReplayed"/> replays, standing for
/// <see cref="FilesCovered"/> recorded file runs with the ones nested in them),
/// tokens replayed of <see cref="Tokens"/> output, text runs replayed inside
/// files that ran again, #if/#elif lines decided as before
/// (<see cref="ConditionMemo"/>), and the runs counted.
/// </summary>
public readonly record struct PreprocessingStatistics(
    int Runs, int FilesExecuted, int FilesReplayed, int FilesCovered, long TokensReplayed, long Tokens, int TextRunsReplayed = 0, int ConditionsReused = 0)
{
    /// <summary>The share of the output that was replayed rather than produced.</summary>
    public double ReplayedFraction => Tokens == 0 ? 0 : (double)TokensReplayed / Tokens;

    public static PreprocessingStatistics operator +(PreprocessingStatistics a, PreprocessingStatistics b) =>
        new(a.Runs + b.Runs, a.FilesExecuted + b.FilesExecuted, a.FilesReplayed + b.FilesReplayed, a.FilesCovered + b.FilesCovered,
            a.TokensReplayed + b.TokensReplayed, a.Tokens + b.Tokens, a.TextRunsReplayed + b.TextRunsReplayed,
            a.ConditionsReused + b.ConditionsReused);

    public override string ToString() =>
        $"{Runs} run(s): {FilesExecuted} files executed, {FilesReplayed} replayed ({FilesCovered} with nested), {TextRunsReplayed} text runs replayed, {ConditionsReused} #if lines decided as before, {TokensReplayed}/{Tokens} tokens replayed ({ReplayedFraction:P1})";
}
