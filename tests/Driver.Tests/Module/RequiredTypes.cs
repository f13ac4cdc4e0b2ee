namespace LayoutExpert.Driver.Tests.Module;

/// <summary>Structures the default module must carry (the brief's list).</summary>
public static class RequiredTypes
{
    /// <summary>Types Volatility 3's Linux symbol tables must describe.</summary>
    public static readonly string[] Volatility =
    [
        "file", "list_head", "hlist_head", "mm_struct", "super_block", "task_struct",
        "vm_area_struct", "qstr", "dentry", "fs_struct", "files_struct", "kobject", "cred",
        "inode", "idr", "address_space", "page", "vfsmount", "net", "socket", "sock",
        "inet_sock", "unix_sock",
    ];

    /// <summary>Further structures named in the brief (Volatility 3 and Rekall plugins).</summary>
    public static readonly string[] Plugins =
    [
        "fdtable", "module", "pid", "upid", "nsproxy", "path", "tty_struct", "uts_namespace",
        "signal_struct", "pid_namespace", "sk_buff", "net_device", "bpf_prog", "perf_event",
    ];
}
