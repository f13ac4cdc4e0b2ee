using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Preprocessing.Reuse;

namespace LayoutExpert.Driver.Queries;

/// <summary>
/// What one database's stages keep across revisions beside the memos: the
/// caches that make a re-run cheap (they never change a result, only its
/// cost) and the log the stages report their times to. One per database: two
/// databases never share one.
/// </summary>
public sealed class ProfileSession(bool reuseAcrossConfigs)
{
    /// <summary>
    /// Included files' preprocessed runs kept for replay when the macros they read are unchanged; null when
    /// the database serves one config (recording costs more than it saves once).
    /// </summary>
    public PreprocessingSession? Preprocessing { get; } = reuseAcrossConfigs ? new PreprocessingSession() : null;

    public bool ReusesAcrossConfigs { get; } = reuseAcrossConfigs;

    private readonly Dictionary<int, ParseReuse> _parses = [];

    /// <summary>Per source file, the declarations its last parse made, for the next parse to reuse; null without reuse.</summary>
    public ParseReuse? ParsesOf(int source)
    {
        if (!ReusesAcrossConfigs) return null;
        if (!_parses.TryGetValue(source, out var reuse)) _parses[source] = reuse = new ParseReuse();
        return reuse;
    }

    /// <summary>The ISF writer's encoded user types, enums and symbols, for the next profile to reuse those that did not change.</summary>
    public IsfFragments IsfFragments { get; } = new();

    /// <summary>Where stages report their times; replaced per command, never read by a computation.</summary>
    public StageLog Log { get; set; } = StageLog.Silent;
}
