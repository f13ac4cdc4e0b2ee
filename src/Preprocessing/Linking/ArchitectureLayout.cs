using System.Collections.Immutable;

namespace LayoutExpert.Preprocessing.Linking;

/// <summary>
/// kbuild's header search order for an architecture (the Makefile's
/// LINUXINCLUDE then USERINCLUDE), and the files it forces in with -include.
/// With a split tree (Debian's -common sources plus a flavour directory holding
/// generated/), each logical directory is looked up in every tree in the order
/// given, which reproduces kbuild's srctree-then-objtree order.
/// </summary>
public sealed record ArchitectureLayout(string Name, string SourceArch, ImmutableArray<string> IncludeDirectories, ImmutableArray<string> ForcedIncludes)
{
    public static readonly ArchitectureLayout X86_64 = new(
        "x86_64",
        "x86",
        [
            "arch/x86/include",
            "arch/x86/include/generated",
            "include",
            "arch/x86/include/uapi",
            "arch/x86/include/generated/uapi",
            "include/uapi",
            "include/generated/uapi",
        ],
        [
            "include/linux/compiler-version.h",
            "include/linux/kconfig.h",
            "include/linux/compiler_types.h",
        ]);

    public static ArchitectureLayout? Find(string name) => name switch
    {
        "x86_64" or "x86" or "amd64" => X86_64,
        _ => null,
    };

    /// <summary>The physical search path for the given kernel trees, in kbuild's order.</summary>
    public ImmutableArray<SearchDirectory> SearchPath(IReadOnlyList<string> trees)
    {
        var result = ImmutableArray.CreateBuilder<SearchDirectory>();
        foreach (var logical in IncludeDirectories)
        {
            foreach (var tree in trees)
            {
                var physical = Path.Combine(tree, logical);
                if (Directory.Exists(physical)) result.Add(new SearchDirectory(Path.GetFullPath(physical), logical));
            }
        }
        return result.ToImmutable();
    }
}
