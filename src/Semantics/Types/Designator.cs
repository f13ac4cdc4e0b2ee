namespace LayoutExpert.Semantics.Types;

/// <summary>One step of an <c>offsetof</c> member designator (C11 7.19p3; GCC accepts <c>a.b[i].c</c>).</summary>
public abstract record Designator;

/// <summary><c>.name</c> (the first step is written without the dot). Members of anonymous structs/unions are found through them (C11 6.7.2.1p13).</summary>
public sealed record MemberDesignator(string Name) : Designator
{
    public override string ToString() => "." + Name;
}

/// <summary><c>[index]</c> into an array member.</summary>
public sealed record IndexDesignator(long Index) : Designator
{
    public override string ToString() => "[" + Index + "]";
}
