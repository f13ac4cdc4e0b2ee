namespace LayoutExpert.Layout.Dwarf;

/// <summary>One attribute specification of an abbreviation: DW_AT_*, DW_FORM_*, and the value of DW_FORM_implicit_const.</summary>
internal readonly record struct AttributeSpec(ushort Attribute, ushort Form, long ImplicitConst);

/// <summary>
/// One .debug_abbrev declaration (DWARF 5, section 7.5.3). <see cref="FixedSize"/>
/// is the byte size of all its attribute values when every form has a fixed
/// size for the unit being read (-1 otherwise), so uninteresting entries are
/// skipped with one addition instead of a walk over their forms.
/// </summary>
internal sealed class Abbreviation(ulong code, ushort tag, bool hasChildren, AttributeSpec[] attributes)
{
    public ulong Code { get; } = code;

    public ushort Tag { get; } = tag;

    public bool HasChildren { get; } = hasChildren;

    public AttributeSpec[] Attributes { get; } = attributes;

    public int FixedSize { get; set; } = -1;
}
