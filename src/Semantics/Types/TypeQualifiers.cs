namespace LayoutExpert.Semantics.Types;

/// <summary>Type qualifiers (C11 6.7.3). <c>_Atomic</c> is not modelled: it can change size and alignment and the kernel does not use it.</summary>
[Flags]
public enum TypeQualifiers
{
    None = 0,
    Const = 1,
    Volatile = 2,
    Restrict = 4,
}
