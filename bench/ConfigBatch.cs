using LayoutExpert.Preprocessing.Config;
using LayoutExpert.TestSupport;

namespace LayoutExpert.Bench;

/// <summary>
/// Issue 6's batch of configs of one tree: the 6.1 amd64 and cloud-amd64
/// configs and eight variants of them with a few options changed.
/// </summary>
public static class ConfigBatch
{
    public static KernelConfig Amd64() => KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "amd64")).Config;

    public static KernelConfig[] Configs()
    {
        var amd64 = Amd64();
        var cloud = KernelConfigReader.ReadFile(KernelCache.Config(KernelInputs.Kernel, "cloud-amd64")).Config;
        var y = new ConfigValue(ConfigValueKind.Yes, "y");
        return
        [
            amd64,
            cloud,
            amd64.With("MEMCG", null),
            amd64.With("DEBUG_LOCK_ALLOC", y).With("LOCKDEP", y),
            amd64.With("NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, "512")),
            amd64.With("SYSVIPC", null).With("AUDIT", null),
            cloud.With("MEMCG", null),
            cloud.With("DEBUG_SPINLOCK", y),
            cloud.With("NR_CPUS", new ConfigValue(ConfigValueKind.Decimal, "64")),
            cloud.With("X86_MCE", y),
        ];
    }
}
