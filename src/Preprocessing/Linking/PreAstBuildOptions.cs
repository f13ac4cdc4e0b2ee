namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// What build-pre-ast reads: the kernel trees (a source tree, or Debian's
/// -common tree followed by a flavour directory), the architecture, and the
/// module source (its name and text).
/// </summary>
public sealed record PreAstBuildOptions(IReadOnlyList<string> Trees, ArchitectureLayout Architecture, string ModuleName, string ModuleText);
