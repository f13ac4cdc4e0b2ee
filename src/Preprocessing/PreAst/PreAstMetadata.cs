namespace LayoutExpert.Preprocessing.PreAst;

/// <summary>
/// What a Pre-AST file says about itself: its format and version, the kernel it
/// came from, the target architecture, the module source it was built for, and
/// a SHA-256 over every file's path and text (checked on load).
/// </summary>
public sealed record PreAstMetadata(
    int FormatVersion,
    string KernelRelease,
    string Architecture,
    string ModuleSource,
    string ContentHash,
    string Producer);
