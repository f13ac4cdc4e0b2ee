namespace LayoutExpert.Preprocessing.Linking;

/// <summary>One -I directory: where it is on disk, and its name relative to the kernel tree ("include", "arch/x86/include/uapi").</summary>
public sealed record SearchDirectory(string PhysicalPath, string LogicalPath);
