namespace LayoutExpert.Preprocessing.Compiler;

/// <summary>LINUX_VERSION_CODE arithmetic (include/generated/uapi/linux/version.h).</summary>
public static class LinuxVersion
{
    /// <summary>KERNEL_VERSION(a, b, c): the sublevel is clamped to 255, as the kernel's own macro does since 4.9.256.</summary>
    public static int Code(int major, int minor, int patch) => (major << 16) + (minor << 8) + Math.Min(patch, 255);
}
