namespace LayoutExpert.Layout.Model;

/// <summary>
/// How a member, array, pointer or typedef refers to another type. This is the
/// shape both sides of the proof produce: the layout engine from C source, and
/// the DWARF reader from what gcc wrote. Qualifiers (const, volatile) are not
/// part of it: they change no layout and profiles drop them.
/// </summary>
public abstract record TypeRef
{
    /// <summary>A canonical, C-like spelling used for anonymous-type names and for reports.</summary>
    public abstract string Canonical { get; }

    public sealed override string ToString() => Canonical;
}

/// <summary>A base type by gcc's DWARF name: "int", "long unsigned int", "_Bool", "char".</summary>
public sealed record BaseTypeRef(string Name) : TypeRef
{
    public override string Canonical => Name;
}

public sealed record VoidTypeRef : TypeRef
{
    public static readonly VoidTypeRef Instance = new();
    public override string Canonical => "void";
}

public sealed record PointerTypeRef(TypeRef Target) : TypeRef
{
    public override string Canonical => Target.Canonical + " *";
}

/// <summary>An array; <c>Count</c> is null for a flexible array member (C11 6.7.2.1p18) and 0 for GNU zero-length arrays.</summary>
public sealed record ArrayTypeRef(TypeRef Element, long? Count) : TypeRef
{
    public override string Canonical => Element.Canonical + "[" + (Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "") + "]";
}

/// <summary>A struct or union by tag, or by its content-derived name when anonymous (see <see cref="AnonymousNames"/>).</summary>
public sealed record RecordTypeRef(RecordKind Kind, string Name) : TypeRef
{
    public override string Canonical => (Kind == RecordKind.Struct ? "struct " : "union ") + Name;
}

public sealed record EnumTypeRef(string Name) : TypeRef
{
    public override string Canonical => "enum " + Name;
}

public sealed record TypedefTypeRef(string Name) : TypeRef
{
    public override string Canonical => Name;
}

/// <summary>A function type (only ever seen behind a pointer in a layout).</summary>
public sealed record FunctionTypeRef : TypeRef
{
    public static readonly FunctionTypeRef Instance = new();
    public override string Canonical => "fn()";
}
