namespace LayoutExpert.Syntax.Parsing;

/// <summary>Which declarators are allowed where (gcc's C_DTR_NORMAL, C_DTR_ABSTRACT, C_DTR_PARM).</summary>
internal enum DeclaratorKind : byte
{
    /// <summary>Must name something: declarations, members.</summary>
    Normal,

    /// <summary>Must not name anything: type names.</summary>
    Abstract,

    /// <summary>Either: parameters.</summary>
    Parameter,
}
