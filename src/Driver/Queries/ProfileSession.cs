namespace LayoutExpert.Driver.Queries;

/// <summary>
/// What one database's stages keep across revisions beside the memos: the
/// caches that make a re-run cheap (they never change a result, only its
/// cost) and the log the stages report their times to. One per database: two
/// databases never share one.
/// </summary>
public sealed class ProfileSession
{
    /// <summary>Where stages report their times; replaced per command, never read by a computation.</summary>
    public StageLog Log { get; set; } = StageLog.Silent;
}
