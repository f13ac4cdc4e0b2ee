namespace LayoutExpert.Syntax.Parsing;

/// <summary>Where declaration specifiers are being read; it decides which specifiers belong (C11 6.7, 6.7.2.1, 6.7.6.3, 6.7.7).</summary>
internal enum SpecifierContext : byte
{
    /// <summary>A file-scope declaration: everything, __extension__ first.</summary>
    Declaration,

    /// <summary>A struct or union member: a specifier-qualifier list (gcc also parses storage classes there, to reject them).</summary>
    Member,

    /// <summary>A parameter declaration.</summary>
    Parameter,

    /// <summary>A type name (casts, sizeof, typeof...): type specifiers, qualifiers and attributes only.</summary>
    TypeName,
}

/// <summary>What the specifiers just read said: whether a type specifier came (so a typedef name next is a declarator), and typedef.</summary>
internal record struct SpecifierInfo(bool TypeSeen, bool IsTypedef);
