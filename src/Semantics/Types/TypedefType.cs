namespace LayoutExpert.Semantics.Types;

/// <summary>
/// A use of a typedef name. The name is kept because member types refer to it
/// (DWARF names typedefs, profiles show them). <c>Aligned</c> is an
/// <c>aligned</c> attribute on the typedef itself, which makes a variant of the
/// type with that alignment; unlike on a struct or member, on a typedef it can
/// also decrease the alignment (GCC manual, "Common Type Attributes").
/// A <c>packed</c> on a typedef declaration belongs to the struct/union being
/// defined in it (the binder moves it there); on any other typedef GCC ignores it.
/// </summary>
public sealed record TypedefType(string Name, CType Target, AlignedAttribute? Aligned = null) : CType
{
    public override string Spelling => Name;
}
