namespace LayoutExpert.Semantics.Types;

/// <summary>
/// <c>__attribute__((mode(M)))</c> applied to an integer or enum type
/// <c>Base</c>: the target's integer type of mode M with <c>Base</c>'s
/// signedness (GCC's c_common_type_for_mode). Kept unresolved so the binder
/// stays target-independent; the layout engine resolves it.
/// </summary>
public sealed record ModeType(CType Base, MachineMode Mode) : CType
{
    public override string Spelling => Base.Spelling + " __attribute__((mode(" + Mode + ")))";
}
