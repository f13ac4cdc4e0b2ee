// SPDX-License-Identifier: GPL-2.0
/*
 * The translation unit LayoutExpert "compiles" by default.
 *
 * It includes the kernel headers that hold the structures read by the Linux
 * plugins of Volatility 3 and Rekall, and defines one global object of each
 * such structure. A real gcc, run through kbuild (scripts/build-module.sh),
 * then puts every one of those types into the module's DWARF, which is the
 * oracle LayoutExpert's own layouts are checked against.
 *
 * Rules this file keeps:
 *  - one line `struct NAME le_NAME __used;` per structure, so that both a
 *    text scan (tests) and the DWARF find the same list;
 *  - the objects are non-static and __used: with -fno-common (kbuild's
 *    default) gcc emits each as a .bss definition with a DW_TAG_variable
 *    whose type pulls the whole structure (and every type it reaches) into
 *    .debug_info, even at -O2;
 *  - only public headers (include/, arch/x86/include/): structures private
 *    to a subsystem (struct mount in fs/mount.h, mnt_namespace,
 *    proc_dir_entry, netlink_sock, packet_sock, rq, ...) are not in the
 *    Debian header packages and are left out;
 *  - differences between kernel versions are guarded with LINUX_VERSION_CODE
 *    (the boundaries are the releases that moved or renamed the type).
 */
#include <linux/version.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/kobject.h>
#include <linux/kref.h>
#include <linux/elf.h>
#include <linux/export.h>

/* Processes, credentials, namespaces. */
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/sched/types.h>
#include <linux/sched/user.h>
#include <linux/cred.h>
#include <linux/pid.h>
#include <linux/pid_namespace.h>
#include <linux/nsproxy.h>
#include <linux/utsname.h>
#include <linux/ipc_namespace.h>
#include <linux/user_namespace.h>
#include <linux/time_namespace.h>
#include <linux/cgroup.h>
#include <linux/cgroup-defs.h>
#include <linux/fs_struct.h>
#include <linux/fdtable.h>
#include <linux/seccomp.h>
#include <linux/binfmts.h>
#include <linux/key.h>

/* Memory. */
#include <linux/mm.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/rmap.h>
#include <linux/maple_tree.h>
#include <linux/xarray.h>
#include <linux/idr.h>
#include <linux/vmalloc.h>
#include <linux/swap.h>
/*
 * No struct kmem_cache: linux/slub_def.h (6.1) has inline functions that need
 * mm/slab.h, which is private, and 6.8 moved the structure there outright.
 */

/* Files and file systems. */
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/path.h>
#include <linux/mount.h>
#include <linux/seq_file.h>
#include <linux/pipe_fs_i.h>
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
/* 6.3 moved struct file_lock out of linux/fs.h. */
#include <linux/filelock.h>
#endif
#include <linux/kernfs.h>
#include <linux/cdev.h>
#include <linux/blk_types.h>
#include <linux/blkdev.h>

/* Networking. */
#include <linux/net.h>
#include <linux/skbuff.h>
#include <linux/netdevice.h>
#include <linux/inetdevice.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/ipv6.h>
#include <net/net_namespace.h>
#include <net/sock.h>
#include <net/inet_sock.h>
#include <net/inet_connection_sock.h>
#include <net/inet_hashtables.h>
#include <net/inet_timewait_sock.h>
#include <net/request_sock.h>
#include <net/raw.h>
#include <net/af_unix.h>
#include <net/xdp_sock.h>
#include <net/af_vsock.h>
#include <net/bluetooth/bluetooth.h>
#include <net/if_inet6.h>
#include <net/neighbour.h>
#include <net/dst.h>
#include <net/route.h>
#include <net/ip_fib.h>

/* Tracing, BPF, hooks. */
#include <linux/bpf.h>
#include <linux/perf_event.h>
#include <linux/kprobes.h>
#include <linux/tracepoint-defs.h>
#include <linux/trace_events.h>
#include <linux/ftrace.h>
#include <linux/notifier.h>
#include <linux/keyboard.h>

/* Devices, time, interrupts, misc. */
#include <linux/tty.h>
#include <linux/tty_driver.h>
#include <linux/timer.h>
#include <linux/hrtimer.h>
#include <linux/timekeeper_internal.h>
#include <linux/time64.h>
#include <linux/irq.h>
#include <linux/irqdesc.h>
#include <linux/interrupt.h>
#include <linux/rbtree.h>
#include <linux/workqueue.h>
#include <linux/sysinfo.h>
#include <asm/desc_defs.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("LayoutExpert type carrier: one global per structure of interest");

/* --- Generic containers --------------------------------------------------- */
struct list_head le_list_head __used;
struct hlist_head le_hlist_head __used;
struct hlist_node le_hlist_node __used;
struct rb_root le_rb_root __used;
struct rb_node le_rb_node __used;
struct callback_head le_callback_head __used;
struct kref le_kref __used;
struct idr le_idr __used;
struct xarray le_xarray __used;
struct xa_node le_xa_node __used;
struct maple_tree le_maple_tree __used;
struct maple_node le_maple_node __used;
struct maple_range_64 le_maple_range_64 __used;
struct maple_arange_64 le_maple_arange_64 __used;
struct wait_queue_head le_wait_queue_head __used;
struct mutex le_mutex __used;
struct rw_semaphore le_rw_semaphore __used;
struct work_struct le_work_struct __used;

/* --- Processes ------------------------------------------------------------ */
struct task_struct le_task_struct __used;
struct thread_struct le_thread_struct __used;
struct pt_regs le_pt_regs __used;
struct fpu le_fpu __used;
struct sched_entity le_sched_entity __used;
struct signal_struct le_signal_struct __used;
struct sighand_struct le_sighand_struct __used;
struct k_sigaction le_k_sigaction __used;
struct sigpending le_sigpending __used;
struct rlimit le_rlimit __used;
struct task_cputime le_task_cputime __used;
struct seccomp le_seccomp __used;
struct linux_binprm le_linux_binprm __used;
struct linux_binfmt le_linux_binfmt __used;
struct cred le_cred __used;
struct group_info le_group_info __used;
struct user_struct le_user_struct __used;
struct key le_key __used;
struct pid le_pid __used;
struct upid le_upid __used;
struct fs_struct le_fs_struct __used;
struct files_struct le_files_struct __used;
struct fdtable le_fdtable __used;

/* --- Namespaces and cgroups ----------------------------------------------- */
struct nsproxy le_nsproxy __used;
struct ns_common le_ns_common __used;
struct pid_namespace le_pid_namespace __used;
struct uts_namespace le_uts_namespace __used;
struct new_utsname le_new_utsname __used;
struct ipc_namespace le_ipc_namespace __used;
struct user_namespace le_user_namespace __used;
struct cgroup_namespace le_cgroup_namespace __used;
struct time_namespace le_time_namespace __used;
struct cgroup le_cgroup __used;
struct css_set le_css_set __used;
struct cgroup_subsys_state le_cgroup_subsys_state __used;

/* --- Memory --------------------------------------------------------------- */
struct mm_struct le_mm_struct __used;
struct vm_area_struct le_vm_area_struct __used;
struct vm_operations_struct le_vm_operations_struct __used;
struct anon_vma le_anon_vma __used;
struct anon_vma_chain le_anon_vma_chain __used;
struct page le_page __used;
struct folio le_folio __used;
struct address_space le_address_space __used;
struct address_space_operations le_address_space_operations __used;
struct vm_struct le_vm_struct __used;
struct vmap_area le_vmap_area __used;
struct swap_info_struct le_swap_info_struct __used;
struct zone le_zone __used;
struct pglist_data le_pglist_data __used;
struct mem_section le_mem_section __used;

/* --- Files and file systems ----------------------------------------------- */
struct file le_file __used;
struct file_operations le_file_operations __used;
struct path le_path __used;
struct dentry le_dentry __used;
struct dentry_operations le_dentry_operations __used;
struct qstr le_qstr __used;
struct inode le_inode __used;
struct inode_operations le_inode_operations __used;
struct super_block le_super_block __used;
struct super_operations le_super_operations __used;
struct file_system_type le_file_system_type __used;
struct vfsmount le_vfsmount __used;
struct seq_file le_seq_file __used;
struct seq_operations le_seq_operations __used;
struct pipe_inode_info le_pipe_inode_info __used;
struct pipe_buffer le_pipe_buffer __used;
struct file_lock le_file_lock __used;
struct kernfs_node le_kernfs_node __used;
struct cdev le_cdev __used;
struct block_device le_block_device __used;
struct gendisk le_gendisk __used;
struct bio le_bio __used;

/* --- Modules and kernel objects ------------------------------------------- */
struct module le_module __used;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 4, 0)
struct module_layout le_module_layout __used;
#else
/* 6.4 replaced module_layout (core/init) with module_memory[MOD_MEM_NUM_TYPES]. */
struct module_memory le_module_memory __used;
#endif
struct mod_kallsyms le_mod_kallsyms __used;
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 5, 0)
/* 6.5's export.h rewrite moved struct kernel_symbol to kernel/module/internal.h. */
struct kernel_symbol le_kernel_symbol __used;
#endif
struct kernel_param le_kernel_param __used;
struct module_kobject le_module_kobject __used;
struct kobject le_kobject __used;
struct kset le_kset __used;
struct kobj_type le_kobj_type __used;
struct elf64_hdr le_elf64_hdr __used;
struct elf64_phdr le_elf64_phdr __used;
struct elf64_shdr le_elf64_shdr __used;
struct elf64_sym le_elf64_sym __used;
struct elf32_hdr le_elf32_hdr __used;
struct elf32_phdr le_elf32_phdr __used;

/* --- Networking ----------------------------------------------------------- */
struct net le_net __used;
struct netns_ipv4 le_netns_ipv4 __used;
struct socket le_socket __used;
struct socket_wq le_socket_wq __used;
struct proto_ops le_proto_ops __used;
struct net_proto_family le_net_proto_family __used;
struct sock le_sock __used;
struct sock_common le_sock_common __used;
struct proto le_proto __used;
struct inet_sock le_inet_sock __used;
struct inet_connection_sock le_inet_connection_sock __used;
struct inet_timewait_sock le_inet_timewait_sock __used;
struct request_sock le_request_sock __used;
struct inet_hashinfo le_inet_hashinfo __used;
struct tcp_sock le_tcp_sock __used;
struct udp_sock le_udp_sock __used;
struct raw_sock le_raw_sock __used;
struct ipv6_pinfo le_ipv6_pinfo __used;
struct in6_addr le_in6_addr __used;
struct unix_sock le_unix_sock __used;
struct unix_address le_unix_address __used;
struct xdp_sock le_xdp_sock __used;
struct vsock_sock le_vsock_sock __used;
struct bt_sock le_bt_sock __used;
struct sk_buff le_sk_buff __used;
struct net_device le_net_device __used;
struct net_device_ops le_net_device_ops __used;
struct in_device le_in_device __used;
struct in_ifaddr le_in_ifaddr __used;
struct inet6_dev le_inet6_dev __used;
struct inet6_ifaddr le_inet6_ifaddr __used;
struct neighbour le_neighbour __used;
struct neigh_table le_neigh_table __used;
struct dst_entry le_dst_entry __used;
struct rtable le_rtable __used;
struct fib_table le_fib_table __used;

/* --- Tracing, BPF, hooks -------------------------------------------------- */
struct bpf_prog le_bpf_prog __used;
struct bpf_prog_aux le_bpf_prog_aux __used;
struct bpf_map le_bpf_map __used;
struct bpf_link le_bpf_link __used;
struct perf_event le_perf_event __used;
struct kprobe le_kprobe __used;
struct kretprobe le_kretprobe __used;
struct tracepoint le_tracepoint __used;
struct trace_event_call le_trace_event_call __used;
struct ftrace_ops le_ftrace_ops __used;
struct notifier_block le_notifier_block __used;
struct atomic_notifier_head le_atomic_notifier_head __used;
struct blocking_notifier_head le_blocking_notifier_head __used;
struct keyboard_notifier_param le_keyboard_notifier_param __used;

/* --- Devices, time, interrupts -------------------------------------------- */
struct tty_struct le_tty_struct __used;
struct tty_driver le_tty_driver __used;
struct tty_operations le_tty_operations __used;
struct timer_list le_timer_list __used;
struct hrtimer le_hrtimer __used;
struct hrtimer_clock_base le_hrtimer_clock_base __used;
struct hrtimer_cpu_base le_hrtimer_cpu_base __used;
struct timekeeper le_timekeeper __used;
struct tk_read_base le_tk_read_base __used;
struct timespec64 le_timespec64 __used;
struct irq_desc le_irq_desc __used;
struct irqaction le_irqaction __used;
struct gate_struct le_gate_struct __used;
struct desc_struct le_desc_struct __used;
struct sysinfo le_sysinfo __used;

/*
 * Typed symbols: taking the address of these exported kernel variables makes
 * gcc describe them (DW_TAG_variable with DW_AT_declaration) with the type the
 * headers give them. Only EXPORT_SYMBOL(_GPL) symbols may be referenced, or
 * modpost rejects the module.
 */
const volatile void *const le_symbols[] __used = {
	&init_task,
	&init_net,
	&init_uts_ns,
	&init_pid_ns,
	&init_user_ns,
	&net_namespace_list,
	&jiffies,
};
