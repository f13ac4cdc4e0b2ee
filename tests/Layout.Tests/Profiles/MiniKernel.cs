using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Symbols;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>
/// A small kernel-like layout set, laid out by hand by the x86-64 System V
/// rules (offsets noted beside each member), in the shape of this C:
/// <code>
/// typedef unsigned int __u32; typedef __u32 u32;
/// typedef struct { int counter; } atomic_t;
/// struct list_head { struct list_head *next, *prev; };
/// enum pid_type { PIDTYPE_PID, PIDTYPE_TGID, PIDTYPE_PGID, PIDTYPE_SID, PIDTYPE_MAX };
/// enum signs { SIGN_NEG = -2, SIGN_POS = 5 };
/// enum wide { WIDE_ONE = 1, WIDE_TOP = 1UL &lt;&lt; 63, WIDE_ALSO_ONE = 1 };
/// struct task_struct {
///   volatile long state; u32 flags; atomic_t usage; struct list_head tasks;
///   union { int x; struct { short lo, hi; }; };
///   void *stack; int (*fn)(int); char comm[16]; int grid[2][3]; enum pid_type type;
///   unsigned int bf:4, bf2:14; u32 bf3:5;
///   struct list_head *children; struct task_struct **pp; char tail[];
/// };
/// union mixed { int i; float f; struct list_head l; enum pid_type *pt; int (*rows)[3]; };
/// struct page { unsigned long flags;
///   union { struct { struct list_head lru; void *mapping; }; struct { unsigned long pp_magic; void *pp; }; }; };
/// </code>
/// </summary>
internal static class MiniKernel
{
    public static readonly RecordLayout Atomic = Anonymous(RecordKind.Struct, 4, M("counter", 0, B("int")));

    public static readonly RecordLayout LoHi = Anonymous(RecordKind.Struct, 4,
        M("lo", 0, B("short int")), M("hi", 2, B("short int")));

    public static readonly RecordLayout XOrLoHi = Anonymous(RecordKind.Union, 4,
        M("x", 0, B("int")), M(null, 0, S(LoHi.Name)));

    public static readonly RecordLayout ListHead = Struct("list_head", 16,
        M("next", 0, P(S("list_head"))), M("prev", 8, P(S("list_head"))));

    public static readonly RecordLayout TaskStruct = Struct("task_struct", 120,
        M("state", 0, B("long int")),
        M("flags", 8, T("u32")),
        M("usage", 12, T("atomic_t")),
        M("tasks", 16, S("list_head")),
        M(null, 32, U(XOrLoHi.Name)),
        M("stack", 40, P(VoidTypeRef.Instance)),
        M("fn", 48, P(FunctionTypeRef.Instance)),
        M("comm", 56, A(B("char"), 16)),
        M("grid", 72, A(A(B("int"), 3), 2)),
        M("type", 96, E("pid_type")),
        Bits("bf", 800, 4, B("unsigned int")),
        Bits("bf2", 804, 14, B("unsigned int")),
        Bits("bf3", 818, 5, T("u32")),
        M("children", 104, P(S("list_head"))),
        M("pp", 112, P(P(S("task_struct")))),
        M("tail", 120, A(B("char"), null)));

    public static readonly RecordLayout Mixed = Union("mixed", 16,
        M("i", 0, B("int")),
        M("f", 0, B("float")),
        M("l", 0, S("list_head")),
        M("pt", 0, P(E("pid_type"))),
        M("rows", 0, P(A(B("int"), 3))));

    public static readonly RecordLayout PageLru = Anonymous(RecordKind.Struct, 24,
        M("lru", 0, S("list_head")), M("mapping", 16, P(VoidTypeRef.Instance)));

    public static readonly RecordLayout PagePool = Anonymous(RecordKind.Struct, 16,
        M("pp_magic", 0, B("long unsigned int")), M("pp", 8, P(VoidTypeRef.Instance)));

    public static readonly RecordLayout PageUnion = Anonymous(RecordKind.Union, 24,
        M(null, 0, S(PageLru.Name)), M(null, 0, S(PagePool.Name)));

    public static readonly RecordLayout Page = Struct("page", 32,
        M("flags", 0, B("long unsigned int")), M(null, 8, U(PageUnion.Name)));

    public static readonly EnumLayout PidType = Enum("pid_type", 4, "unsigned int",
        ("PIDTYPE_PID", 0), ("PIDTYPE_TGID", 1), ("PIDTYPE_PGID", 2), ("PIDTYPE_SID", 3), ("PIDTYPE_MAX", 4));

    public static readonly EnumLayout Signs = Enum("signs", 4, "int", ("SIGN_NEG", -2), ("SIGN_POS", 5));

    /// <summary>1UL &lt;&lt; 63 does not fit a long; it arrives as the long with the same bits.</summary>
    public static readonly EnumLayout Wide = Enum("wide", 8, "long unsigned int",
        ("WIDE_ONE", 1), ("WIDE_TOP", long.MinValue), ("WIDE_ALSO_ONE", 1));

    public static LayoutSet Set() => Layouts.Set(
        [Atomic, LoHi, XOrLoHi, ListHead, TaskStruct, Mixed, PageLru, PagePool, PageUnion, Page],
        [PidType, Signs, Wide],
        [new TypedefLayout("__u32", B("unsigned int")), new TypedefLayout("u32", T("__u32")), new TypedefLayout("atomic_t", S(Atomic.Name))]);

    public const string BannerText =
        "Linux version 6.1.0-56-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.158-1 (2025-11-09)\n";

    public static KernelBanner Banner() => KernelBanner.FromText(BannerText, "test").Banner!;

    public static ImmutableSortedDictionary<string, ulong> Addresses() => new Dictionary<string, ulong>
    {
        ["_text"] = 0xffffffff81000000,
        ["init_task"] = 0xffffffff82a0c940,
        ["init_files"] = 0xffffffff82b3e1c0,
        ["init_top_pgt"] = 0xffffffff82a0a000,
        ["jiffies"] = 0xffffffff82c05900,
        ["some_u32"] = 0xffffffff82c05a00,
        ["linux_banner"] = 0xffffffff82200100,
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    public static ImmutableSortedDictionary<string, TypeRef> SymbolTypes() => new Dictionary<string, TypeRef>
    {
        ["init_task"] = S("task_struct"),
        ["jiffies"] = B("long unsigned int"),
        ["some_u32"] = T("u32"),
        ["linux_banner"] = A(B("char"), null),
        ["declared_only"] = B("int"),
    }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>The rule the writers document for colliding anonymous member names: 12 hex digits of SHA-256 of the type's spelling.</summary>
    public static string Digest(string canonical) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))).ToLowerInvariant()[..12];
}
