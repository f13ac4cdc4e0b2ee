using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>The storage-class specifier of a declaration (C11 6.7.1), or none.</summary>
internal enum StorageClass { None, Typedef, Extern, Static, Auto, Register }

/// <summary>
/// What a declaration's specifiers say: the type every declarator derives
/// from, the storage class, the declaration attributes found among them, a
/// <c>_Alignas</c>, and whether they define an untagged struct or union (which
/// with no declarator is an anonymous member, C11 6.7.2.1p13).
/// </summary>
internal readonly record struct DeclarationSpecifiers(
    CType Type,
    StorageClass Storage,
    AttributeSet Attributes,
    AlignedAttribute? Alignas,
    bool DefinesUntaggedRecord,
    bool IsAutoType);
