using System.Collections.Immutable;

namespace LayoutExpert.Layout.Model;

public enum RecordKind { Struct, Union }

/// <summary>How a base type's bits are read (DWARF's DW_ATE_* and ISF's "kind"/"signed").</summary>
public enum BaseTypeEncoding { Signed, Unsigned, SignedChar, UnsignedChar, Boolean, Float, ComplexFloat }

/// <summary>
/// One member. <c>BitOffset</c> is from the start of the record (byte offset * 8
/// plus the bit position for bit-fields, as DWARF 4+'s DW_AT_data_bit_offset).
/// <c>BitWidth</c> is set only for bit-fields. Anonymous struct/union members
/// have a null <c>Name</c>.
/// </summary>
public sealed record MemberLayout(string? Name, long BitOffset, int? BitWidth, TypeRef Type)
{
    public long ByteOffset => BitOffset / 8;
}

/// <summary>
/// A struct or union. <c>Name</c> is the tag, or the content-derived name of an
/// anonymous record. <c>Alignment</c> is null where the source cannot tell it
/// (DWARF carries it only when explicitly requested). Structural equality:
/// members compare element by element.
/// </summary>
public sealed record RecordLayout(
    RecordKind Kind,
    string Name,
    bool IsAnonymous,
    long Size,
    int? Alignment,
    ImmutableArray<MemberLayout> Members)
{
    public bool Equals(RecordLayout? other) =>
        other is not null
        && Kind == other.Kind
        && Name == other.Name
        && IsAnonymous == other.IsAnonymous
        && Size == other.Size
        && Alignment == other.Alignment
        && ModelEquality.SequenceEqual(Members, other.Members);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, IsAnonymous, Size, Alignment, ModelEquality.SequenceHash(Members));
}

public sealed record EnumConstant(string Name, long Value);

/// <summary>An enum with the base type gcc chose for it (C11 6.7.2.2p4 leaves it to the implementation). Structural equality.</summary>
public sealed record EnumLayout(string Name, bool IsAnonymous, long Size, string BaseType, ImmutableArray<EnumConstant> Constants)
{
    public bool Equals(EnumLayout? other) =>
        other is not null
        && Name == other.Name
        && IsAnonymous == other.IsAnonymous
        && Size == other.Size
        && BaseType == other.BaseType
        && ModelEquality.SequenceEqual(Constants, other.Constants);

    public override int GetHashCode() => HashCode.Combine(Name, IsAnonymous, Size, BaseType, ModelEquality.SequenceHash(Constants));
}

public sealed record TypedefLayout(string Name, TypeRef Target);

public sealed record BaseTypeLayout(string Name, long Size, BaseTypeEncoding Encoding);

/// <summary>
/// Every laid-out type of a translation unit, keyed by name. C puts struct,
/// union and enum tags in one namespace (C11 6.2.3), so records and enums never
/// share a key; typedef names live in the ordinary-identifier namespace.
/// Structural equality: two sets are equal when they hold equal entries under
/// the same keys (what a memoising query engine needs to cut off recomputation).
/// </summary>
public sealed record LayoutSet(
    ImmutableSortedDictionary<string, RecordLayout> Records,
    ImmutableSortedDictionary<string, EnumLayout> Enums,
    ImmutableSortedDictionary<string, TypedefLayout> Typedefs,
    ImmutableSortedDictionary<string, BaseTypeLayout> BaseTypes)
{
    public static LayoutSet Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, RecordLayout>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, EnumLayout>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, TypedefLayout>(StringComparer.Ordinal),
        ImmutableSortedDictionary.Create<string, BaseTypeLayout>(StringComparer.Ordinal));

    public bool Equals(LayoutSet? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (ModelEquality.DictionaryEqual(Records, other.Records)
                && ModelEquality.DictionaryEqual(Enums, other.Enums)
                && ModelEquality.DictionaryEqual(Typedefs, other.Typedefs)
                && ModelEquality.DictionaryEqual(BaseTypes, other.BaseTypes)));

    public override int GetHashCode() =>
        HashCode.Combine(ModelEquality.DictionaryHash(Records), ModelEquality.DictionaryHash(Enums),
            ModelEquality.DictionaryHash(Typedefs), ModelEquality.DictionaryHash(BaseTypes));
}
