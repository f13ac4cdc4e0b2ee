namespace LayoutExpert.TestSupport;

/// <summary>
/// Where scripts/fetch-kernels.sh put the Debian kernel packages. Kernel tests
/// call these and fail (never skip) when the inputs are missing.
/// </summary>
public static class KernelCache
{
    public static readonly string[] Kernels = ["6.1.0-56", "6.12.117+deb12"];
    public static readonly string[] Flavours = ["amd64", "cloud-amd64", "rt-amd64"];

    public static string Root =>
        Environment.GetEnvironmentVariable("LAYOUT_EXPERT_KERNEL_CACHE") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "layout-expert", "kernels");

    /// <summary>usr/src of one kernel's extracted packages.</summary>
    public static string SourceDir(string kernel) => Require(Path.Combine(Root, kernel, "root", "usr", "src"));

    /// <summary>The -common tree (or -common-rt for the rt flavour).</summary>
    public static string CommonTree(string kernel, bool rt = false) =>
        Require(Path.Combine(SourceDir(kernel), $"linux-headers-{kernel}-common{(rt ? "-rt" : "")}"));

    /// <summary>A flavour directory (generated headers, .config, the kbuild Makefile).</summary>
    public static string FlavourTree(string kernel, string flavour) =>
        Require(Path.Combine(SourceDir(kernel), $"linux-headers-{kernel}-{flavour}"));

    public static string Config(string kernel, string flavour) =>
        Require(Path.Combine(Root, kernel, "configs", flavour + ".config"));

    private static string Require(string path)
    {
        if (!Directory.Exists(path) && !File.Exists(path))
        {
            throw new InvalidOperationException(
                $"kernel test input missing: {path}. Run scripts/fetch-kernels.sh (cache: {Root}).");
        }
        return path;
    }
}
