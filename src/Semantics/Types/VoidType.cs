namespace LayoutExpert.Semantics.Types;

/// <summary><c>void</c> (C11 6.2.5p19): an incomplete type that cannot be completed.</summary>
public sealed record VoidType : CType
{
    public static readonly VoidType Instance = new();

    public override string Spelling => "void";
}
