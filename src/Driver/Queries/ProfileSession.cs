using LayoutExpert.Driver.Pipeline;
using LayoutExpert.Layout.Engine;
using LayoutExpert.Layout.Profiles.Isf;
using LayoutExpert.Preprocessing.Reuse;
using LayoutExpert.Semantics.Binding;

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
    private readonly Dictionary<int, BindingReuse> _bindings = [];
    private readonly Dictionary<int, LayoutReuse> _layouts = [];

    /// <summary>Per source file, the declarations its last parse made, for the next parse to reuse; null without reuse.</summary>
    public ParseReuse? ParsesOf(int source) => PerSource(_parses, source, () => new ParseReuse());

    /// <summary>Per source file, what binding its items read and did, for the next bind to replay; null without reuse.</summary>
    public BindingReuse? BindingsOf(int source) => PerSource(_bindings, source, () => new BindingReuse());

    /// <summary>Per source file, the layouts and models its last compiles made, for the next to reuse; null without reuse.</summary>
    public LayoutReuse? LayoutsOf(int source) => PerSource(_layouts, source, () => new LayoutReuse());

    private T? PerSource<T>(Dictionary<int, T> kept, int source, Func<T> create) where T : class
    {
        if (!ReusesAcrossConfigs) return null;
        if (!kept.TryGetValue(source, out var reuse)) kept[source] = reuse = create();
        return reuse;
    }

    /// <summary>The ISF writer's encoded user types, enums and symbols, for the next profile to reuse those that did not change.</summary>
    public IsfFragments IsfFragments { get; } = new();

    /// <summary>The reachable part of each layout set this database's types query cut (a set reused whole after a flip back is not cut again).</summary>
    public ReachableMemo Reachable { get; } = new(reuseAcrossConfigs);

    /// <summary>Where stages report their times; replaced per command, never read by a computation.</summary>
    public StageLog Log { get; set; } = StageLog.Silent;
}
