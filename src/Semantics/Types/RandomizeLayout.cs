namespace LayoutExpert.Semantics.Types;

/// <summary>
/// The kernel's randstruct GCC plugin attributes on a struct
/// (<c>__randomize_layout</c> / <c>__no_randomize_layout</c>; the attributes only
/// exist when the plugin is loaded, CONFIG_RANDSTRUCT).
/// </summary>
public enum RandomizeLayout { Unspecified, Randomize, NoRandomize }
