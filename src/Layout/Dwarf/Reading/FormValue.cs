namespace LayoutExpert.Layout.Dwarf;

internal enum FormKind : byte
{
    /// <summary>DW_FORM_data1/2/4/8/16, udata: context decides the sign (DWARF 5, section 7.5.5).</summary>
    Constant,

    /// <summary>sdata, implicit_const.</summary>
    SignedConstant,

    /// <summary>A DIE, as a global offset (see <see cref="DieTable"/>).</summary>
    Reference,

    /// <summary>ref_sig8: a type unit's signature.</summary>
    Signature,

    /// <summary>A string at <see cref="FormValue.Raw"/> in <see cref="FormValue.Strings"/>.</summary>
    String,

    /// <summary>block*/exprloc at <see cref="FormValue.Raw"/> in the unit's section, <see cref="FormValue.Length"/> bytes.</summary>
    Block,

    Flag,

    /// <summary>Anything this reader does not interpret (addresses, section offsets, list indexes).</summary>
    Other,

    /// <summary>A string or DIE in a dwz supplementary file, which this reader does not open.</summary>
    Supplementary,
}

/// <summary>Where a string lives.</summary>
internal enum StringSource : byte { None, Info, Types, Str, LineStr }

/// <summary>One decoded attribute value; <see cref="Size"/> is the byte size of fixed data forms (0 otherwise).</summary>
internal readonly record struct FormValue(FormKind Kind, ulong Raw, int Length = 0, byte Size = 0, StringSource Strings = StringSource.None)
{
    public bool IsConstant => Kind is FormKind.Constant or FormKind.SignedConstant;

    /// <summary>The constant as a signed number; unsigned forms are zero-extended.</summary>
    public long AsLong => (long)Raw;
}
