using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Semantics.Binding;

/// <summary>
/// The GNU attributes read from one position or one declaration, as far as
/// layouts care. gcc applies a declaration's attributes in the order
/// declarator-internal, after the declarator, then the specifiers' (c-parser:
/// chainon (postfix_attrs, prefix_attrs)), so <see cref="AlignedLast"/> (what a
/// type or typedef gets: the last one wins) is taken in that order, while a
/// member takes the largest (<see cref="AlignedLargest"/>). Unknown attributes
/// are ignored, as gcc ignores them with a warning. A mutable struct, passed
/// by reference: most declarations have no attribute, and a set per
/// declarator would be most of the binder's garbage.
/// </summary>
internal struct AttributeSet
{
    public bool Packed { get; set; }

    public AlignedAttribute? AlignedLast { get; set; }

    public AlignedAttribute? AlignedLargest { get; set; }

    public MachineMode? Mode { get; set; }

    public long? VectorSize { get; set; }

    public bool TransparentUnion { get; set; }

    public bool DesignatedInit { get; set; }

    public RandomizeLayout Randomize { get; set; }

    /// <summary><c>used</c>: gcc outputs the object even when nothing refers to it (force_output).</summary>
    public bool Used { get; set; }

    public void AddAligned(AlignedAttribute aligned)
    {
        AlignedLast = aligned;
        AlignedLargest = AlignedLargest is { } known ? AlignedAttribute.Combine(known, aligned) : aligned;
    }

    /// <summary>Adds another set's attributes as if they came after this one's.</summary>
    public void Append(in AttributeSet later)
    {
        Packed |= later.Packed;
        if (later.AlignedLast is { } last)
        {
            AlignedLast = last;
            AlignedLargest = AlignedLargest is { } known ? AlignedAttribute.Combine(known, later.AlignedLargest!.Value) : later.AlignedLargest;
        }
        Mode = later.Mode ?? Mode;
        VectorSize = later.VectorSize ?? VectorSize;
        TransparentUnion |= later.TransparentUnion;
        DesignatedInit |= later.DesignatedInit;
        Used |= later.Used;
        if (later.Randomize != RandomizeLayout.Unspecified) Randomize = later.Randomize;
    }

}
