namespace LayoutExpert.Preprocessing.Macros;

/// <summary>Macros whose expansion the preprocessor computes (C11 6.10.8 and gcc's "Common Predefined Macros").</summary>
public enum BuiltinMacro : byte
{
    None,
    File,
    Line,
    Counter,
    BaseFile,
    IncludeLevel,
    /// <summary>The _Pragma operator (C11 6.10.9).</summary>
    Pragma,
    /// <summary>gcc defines these as macros too, so <c>defined(__has_include)</c> is 1; they mean something only in #if.</summary>
    HasInclude,
    HasIncludeNext,
    HasAttribute,
    HasCAttribute,
    HasCppAttribute,
    HasBuiltin,
}
