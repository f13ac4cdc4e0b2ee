namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// What build-pre-ast reads: the kernel trees (a source tree, or Debian's
/// -common tree followed by a flavour directory), the architecture, and the
/// module source (its name and text).
/// </summary>
public sealed record PreAstBuildOptions(IReadOnlyList<string> Trees, ArchitectureLayout Architecture, string ModuleName, string ModuleText)
{
    /// <summary>
    /// More translation units to keep with their include closure, by name
    /// (LayoutExpert's bounds.c, from which bounds.h is computed per config).
    /// </summary>
    public IReadOnlyList<(string Name, string Text)> AdditionalSources { get; init; } = [];
}
