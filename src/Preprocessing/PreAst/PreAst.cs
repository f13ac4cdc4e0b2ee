using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.PreAst;

/// <summary>
/// The preprocessor tree of a kernel for one module source: the closure of
/// every file reachable through any #include in any branch, each parsed once
/// and linked. Nothing is evaluated: a config is applied later. The
/// config-dependent generated headers are not in it (see <see cref="GeneratedHeaders"/>).
/// File 0 is the module source; <see cref="ForcedIncludes"/> are the files the
/// compiler reads first (kbuild's -include options).
/// </summary>
public sealed record PreAst(
    PreAstMetadata Metadata,
    ImmutableArray<string> SearchPath,
    ImmutableArray<PreAstFile> Files,
    ImmutableArray<int> ForcedIncludes,
    ImmutableArray<MissingInclude> Missing)
{
    /// <summary>The translation units by name: the module source, and LayoutExpert's own bounds.c.</summary>
    public ImmutableSortedDictionary<string, int> Sources { get; init; } = ImmutableSortedDictionary<string, int>.Empty;
    public const int MainFile = 0;

    /// <summary>Headers kbuild generates from the config; made per config at profile time, never frozen here.</summary>
    public static readonly ImmutableArray<string> GeneratedHeaders =
    [
        "include/generated/autoconf.h",
        "include/generated/bounds.h",
        "include/generated/asm-offsets.h",
        "include/generated/timeconst.h",
    ];

    public PreAstFile Main => Files[MainFile];
}

/// <summary>An #include found nowhere on the search path, with where it was asked for.</summary>
public sealed record MissingInclude(string Spelled, string From, int Line)
{
    public override string ToString() => $"{From}:{Line}: {Spelled}";
}
