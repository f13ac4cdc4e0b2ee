using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>An ordinary identifier at file scope (C11 6.2.3p1: everything that is not a label, tag or member).</summary>
public abstract record OrdinarySymbol(string Name);

/// <summary>A typedef name; <see cref="TypedefType"/> is what a use of the name means.</summary>
public sealed record TypedefSymbol(TypedefType Typedef) : OrdinarySymbol(Typedef.Name);

/// <summary>
/// An enumeration constant with its value. <c>Type</c> is gcc's: <c>int</c> when
/// the value fits in int, otherwise the enum type itself once the enum is
/// complete (c-decl.cc finish_enum; during the enum's own body, the type of
/// its value expression).
/// </summary>
public sealed record EnumConstantSymbol(string Name, Int128 Value, CType Type, EnumId Enum) : OrdinarySymbol(Name);

/// <summary>How a file-scope object was declared (C11 6.9.2).</summary>
public enum Linkage { External, Internal }

/// <summary>
/// A global variable: its name and type (the composite of all its
/// declarations, C11 6.2.7p4: <c>extern int a[]; int a[3];</c> gives <c>int[3]</c>),
/// and whether any declaration defines it (not <c>extern</c>). Where it was first
/// declared is <see cref="BoundTranslationUnit.LocationOf"/>: kept out of the
/// symbol so that a symbol whose declaration only moved in the unit's text is
/// the same object from one bind to the next (see <see cref="SymbolLocations"/>).
/// </summary>
public sealed record GlobalVariable(string Name, CType Type, Linkage Linkage, bool IsDefined) : OrdinarySymbol(Name);

/// <summary>
/// A function declared or defined at file scope. <c>Type</c> is null when the
/// binder was asked to record function names only (<see cref="BinderOptions.BindFunctionSignatures"/>)
/// and nothing needed the signature. Where it was first declared is
/// <see cref="BoundTranslationUnit.LocationOf"/>, as for <see cref="GlobalVariable"/>.
/// </summary>
public sealed record FunctionSymbol(string Name, CType? Type, bool IsDefined) : OrdinarySymbol(Name);
