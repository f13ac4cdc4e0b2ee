namespace LayoutExpert.Layout.Target;

/// <summary>
/// What a target's field-alignment hook (GCC's ADJUST_FIELD_ALIGN) looks at:
/// the machine-mode class of the field's type with arrays stripped. i386
/// caps integer and double fields at 4 bytes; x86-64 changes nothing.
/// </summary>
public enum FieldAlignmentClass { Other, Integer, ComplexInteger, Double, ComplexDouble }
