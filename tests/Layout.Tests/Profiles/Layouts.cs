using System.Collections.Immutable;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>Hand-built layout sets: what a layout engine or DWARF reader would hand the writers.</summary>
internal static class Layouts
{
    public static BaseTypeRef B(string name) => new(name);

    public static PointerTypeRef P(TypeRef target) => new(target);

    public static ArrayTypeRef A(TypeRef element, long? count) => new(element, count);

    public static RecordTypeRef S(string name) => new(RecordKind.Struct, name);

    public static RecordTypeRef U(string name) => new(RecordKind.Union, name);

    public static EnumTypeRef E(string name) => new(name);

    public static TypedefTypeRef T(string name) => new(name);

    public static MemberLayout M(string? name, long byteOffset, TypeRef type) => new(name, byteOffset * 8, null, type);

    public static MemberLayout Bits(string? name, long bitOffset, int width, TypeRef type) => new(name, bitOffset, width, type);

    public static RecordLayout Struct(string name, long size, params MemberLayout[] members) =>
        new(RecordKind.Struct, name, false, size, null, [.. members]);

    public static RecordLayout Union(string name, long size, params MemberLayout[] members) =>
        new(RecordKind.Union, name, false, size, null, [.. members]);

    public static RecordLayout Anonymous(RecordKind kind, long size, params MemberLayout[] members) =>
        new(kind, AnonymousNames.ForRecord(kind, size, members), true, size, null, [.. members]);

    public static EnumLayout Enum(string name, long size, string baseType, params (string Name, long Value)[] constants) =>
        new(name, false, size, baseType, [.. constants.Select(c => new EnumConstant(c.Name, c.Value))]);

    /// <summary>gcc's x86-64 base types with their DWARF names, sizes and encodings.</summary>
    public static readonly ImmutableArray<BaseTypeLayout> GccBaseTypes =
    [
        new("char", 1, BaseTypeEncoding.SignedChar),
        new("signed char", 1, BaseTypeEncoding.SignedChar),
        new("unsigned char", 1, BaseTypeEncoding.UnsignedChar),
        new("short int", 2, BaseTypeEncoding.Signed),
        new("short unsigned int", 2, BaseTypeEncoding.Unsigned),
        new("int", 4, BaseTypeEncoding.Signed),
        new("unsigned int", 4, BaseTypeEncoding.Unsigned),
        new("long int", 8, BaseTypeEncoding.Signed),
        new("long unsigned int", 8, BaseTypeEncoding.Unsigned),
        new("long long int", 8, BaseTypeEncoding.Signed),
        new("long long unsigned int", 8, BaseTypeEncoding.Unsigned),
        new("_Bool", 1, BaseTypeEncoding.Boolean),
        new("float", 4, BaseTypeEncoding.Float),
        new("double", 8, BaseTypeEncoding.Float),
        new("complex float", 8, BaseTypeEncoding.ComplexFloat),
    ];

    public static LayoutSet Set(
        IEnumerable<RecordLayout>? records = null,
        IEnumerable<EnumLayout>? enums = null,
        IEnumerable<TypedefLayout>? typedefs = null,
        IEnumerable<BaseTypeLayout>? baseTypes = null) =>
        new(
            (records ?? []).ToImmutableSortedDictionary(r => r.Name, r => r, StringComparer.Ordinal),
            (enums ?? []).ToImmutableSortedDictionary(e => e.Name, e => e, StringComparer.Ordinal),
            (typedefs ?? []).ToImmutableSortedDictionary(t => t.Name, t => t, StringComparer.Ordinal),
            (baseTypes ?? GccBaseTypes).ToImmutableSortedDictionary(b => b.Name, b => b, StringComparer.Ordinal));
}
