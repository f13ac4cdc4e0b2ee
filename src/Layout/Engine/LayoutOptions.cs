namespace LayoutExpert.Layout.Engine;

/// <summary>
/// Build settings that change layouts beyond the target ABI.
/// <para>
/// <c>RandstructPlugin</c>: the kernel's randomize_layout GCC plugin is loaded
/// (CONFIG_RANDSTRUCT_FULL/PERFORMANCE with gcc). Then structs marked
/// <c>randomize_layout</c>, and structs made only of function pointers (the
/// plugin's is_pure_ops_struct), are shuffled with a build-time seed and get no
/// layout. Without the plugin the attribute does not exist and gcc ignores it.
/// </para>
/// <para>
/// <c>RandstructOpsStructsMayNestRecords</c>: the 2025 plugin fix ("Check member
/// structs in is_pure_ops_struct()") also counts struct/union members that are
/// themselves pure ops structs; older plugins return "not pure" for them.
/// </para>
/// <para>
/// <c>PlainCharIsUnsigned</c>: -funsigned-char (kbuild passes it from Linux 6.2
/// on). It changes no size or offset, but plain <c>char</c> is then an unsigned
/// character type, and gcc's DWARF (so a profile's base type) says so.
/// </para>
/// </summary>
public sealed record LayoutOptions(bool RandstructPlugin = false, bool RandstructOpsStructsMayNestRecords = false, bool PlainCharIsUnsigned = false)
{
    public static readonly LayoutOptions Default = new();
}
