namespace LayoutExpert.Driver.Pipeline;

/// <summary>What make-profile is asked for.</summary>
public sealed record ProfileRequest(
    string PreAstPath,
    string ConfigPath,
    string? SystemMapPath,
    string? BannerPath,
    ProfileFormat Format,
    string OutputPath,
    bool AllowPartial);
