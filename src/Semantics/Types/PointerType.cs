namespace LayoutExpert.Semantics.Types;

/// <summary>A pointer (C11 6.2.5p20). Its layout never depends on the target type, so a pointer may point to an incomplete type.</summary>
public sealed record PointerType(CType Target) : CType
{
    public override string Spelling => Target.Spelling + " *";
}
