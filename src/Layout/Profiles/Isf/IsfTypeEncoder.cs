using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// ISF type descriptors: <c>{kind: base|pointer|array|struct|union|enum|function, ...}</c>,
/// written with their keys in ordinal order. Typedefs are looked through (ISF
/// has no typedef kind); qualifiers are already absent from <see cref="TypeRef"/>.
/// A flexible array member has count 0, as dwarf2json writes it. The outer
/// typedef is peeled before the inner ones, as the order of the diagnostics
/// a peel can give depends on it.
/// </summary>
internal sealed class IsfTypeEncoder(TypedefResolver typedefs)
{
    /// <summary>Where the base type names descriptors refer to (void included) are collected.</summary>
    public HashSet<string> UsedBaseTypes { get; set; } = new(StringComparer.Ordinal);

    public void Encode(CanonicalJsonBuilder json, TypeRef type)
    {
        switch (typedefs.Peel(type))
        {
            case BaseTypeRef b:
                Base(json, b.Name);
                break;
            case VoidTypeRef:
                Base(json, "void");
                break;
            case PointerTypeRef p:
                json.StartObject();
                Kind(json, "pointer"u8);
                json.Property("subtype"u8);
                Encode(json, p.Target);
                json.EndObject();
                break;
            case ArrayTypeRef a:
                json.StartObject();
                json.Property("count"u8);
                json.Number(a.Count ?? 0);
                Kind(json, "array"u8);
                json.Property("subtype"u8);
                Encode(json, a.Element);
                json.EndObject();
                break;
            case RecordTypeRef r:
                Named(json, r.Kind == RecordKind.Struct ? "struct"u8 : "union"u8, r.Name);
                break;
            case EnumTypeRef e:
                Named(json, "enum"u8, e.Name);
                break;
            case FunctionTypeRef:
                json.StartObject();
                Kind(json, "function"u8);
                json.EndObject();
                break;
            case var other:
                throw new InvalidOperationException("unexpected type reference " + other.GetType().Name);
        }
    }

    public void Base(CanonicalJsonBuilder json, string name)
    {
        UsedBaseTypes.Add(name);
        Named(json, "base"u8, name);
    }

    /// <summary><c>{count, kind: array, subtype: base name}</c>: the banner's <c>char[len]</c>.</summary>
    public void BaseArray(CanonicalJsonBuilder json, long count, string name)
    {
        json.StartObject();
        json.Property("count"u8);
        json.Number(count);
        Kind(json, "array"u8);
        json.Property("subtype"u8);
        Base(json, name);
        json.EndObject();
    }

    private static void Named(CanonicalJsonBuilder json, ReadOnlySpan<byte> kind, string name)
    {
        json.StartObject();
        Kind(json, kind);
        json.Property("name"u8);
        json.String(name);
        json.EndObject();
    }

    private static void Kind(CanonicalJsonBuilder json, ReadOnlySpan<byte> kind)
    {
        json.Property("kind"u8);
        json.Raw("\""u8);
        json.Raw(kind);
        json.Raw("\""u8);
    }
}
