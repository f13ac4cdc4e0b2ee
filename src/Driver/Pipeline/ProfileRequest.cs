namespace LayoutExpert.Driver.Pipeline;

/// <summary>
/// What make-profile is asked for. With several configs, <c>OutputPath</c> is a
/// directory that receives one profile per config, named after the config file.
/// </summary>
public sealed record ProfileRequest(
    string PreAstPath,
    IReadOnlyList<string> ConfigPaths,
    string? SystemMapPath,
    string? BannerPath,
    ProfileFormat Format,
    string OutputPath,
    bool AllowPartial);
