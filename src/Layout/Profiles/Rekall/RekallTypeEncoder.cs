using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Rekall;

/// <summary>
/// Rekall's type encoding, <c>[name, {args}]</c>:
/// a base type is <c>["unsigned int", {}]</c> (gcc's DWARF spelling);
/// a struct or union <c>["list_head", {}]</c>;
/// a pointer <c>["Pointer", {"target": T}]</c>, with <c>"target_args"</c> when T has arguments of its own
/// (<c>void *</c> points to <c>"void"</c>, a function pointer to <c>"Function"</c>);
/// an array <c>["Array", {"count": n, "target": T, "target_args"?: ...}]</c> (nested for more dimensions;
/// a flexible array has count 0);
/// an enum <c>["Enumeration", {"enum_name": E, "target": its base type}]</c>.
/// Typedefs are looked through, the outer one first (the order of diagnostics
/// follows it). Written with keys in ordinal order.
/// </summary>
internal sealed class RekallTypeEncoder(LayoutSet layouts, TypedefResolver typedefs, DiagnosticBag diagnostics)
{
    public void EncodeAsArray(CanonicalJsonBuilder json, TypeRef type)
    {
        json.StartArray();
        json.Item();
        var peeled = typedefs.Peel(type);
        json.String(Name(peeled));
        json.Item();
        json.StartObject();
        Args(json, peeled);
        json.EndObject();
        json.EndArray();
    }

    /// <summary>The base type an enum is stored as (gcc's choice, C11 6.7.2.2p4).</summary>
    public string EnumBase(string enumName)
    {
        if (layouts.Enums.TryGetValue(enumName, out var layout)) return layout.BaseType;
        diagnostics.Add(ProfileDiagnostics.UnknownEnum, enumName);
        return "int";
    }

    /// <summary>Rekall's name for a peeled type; a base type unknown to the set is reported here.</summary>
    private string Name(TypeRef peeled)
    {
        switch (peeled)
        {
            case BaseTypeRef b:
                if (!layouts.BaseTypes.ContainsKey(b.Name)) diagnostics.Add(ProfileDiagnostics.MissingBaseType, b.Name);
                return b.Name;
            case VoidTypeRef: return "void";
            case FunctionTypeRef: return "Function";
            case RecordTypeRef r: return r.Name;
            case EnumTypeRef: return "Enumeration";
            case PointerTypeRef: return "Pointer";
            case ArrayTypeRef: return "Array";
            case var other: throw new InvalidOperationException("unexpected type reference " + other.GetType().Name);
        }
    }

    private static bool HasArgs(TypeRef peeled) => peeled is EnumTypeRef or PointerTypeRef or ArrayTypeRef;

    /// <summary>The members of a peeled type's argument object (none for base, void, function, record).</summary>
    private void Args(CanonicalJsonBuilder json, TypeRef peeled)
    {
        switch (peeled)
        {
            case EnumTypeRef e:
                json.Property("enum_name"u8);
                json.String(e.Name);
                json.Property("target"u8);
                json.String(EnumBase(e.Name));
                break;
            case PointerTypeRef p:
                Target(json, p.Target);
                break;
            case ArrayTypeRef a:
                json.Property("count"u8);
                json.Number(a.Count ?? 0);
                Target(json, a.Element);
                break;
        }
    }

    /// <summary><c>"target": name</c>, and <c>"target_args": {...}</c> when the target has arguments.</summary>
    private void Target(CanonicalJsonBuilder json, TypeRef target)
    {
        var peeled = typedefs.Peel(target);
        json.Property("target"u8);
        json.String(Name(peeled));
        if (!HasArgs(peeled)) return;
        json.Property("target_args"u8);
        json.StartObject();
        Args(json, peeled);
        json.EndObject();
    }
}
