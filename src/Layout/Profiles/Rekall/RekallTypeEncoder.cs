using System.Text.Json.Nodes;
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
/// Typedefs are looked through.
/// </summary>
internal sealed class RekallTypeEncoder(LayoutSet layouts, TypedefResolver typedefs, DiagnosticBag diagnostics)
{
    public (string Name, JsonObject Args) Encode(TypeRef type)
    {
        switch (typedefs.Peel(type))
        {
            case BaseTypeRef b:
                if (!layouts.BaseTypes.ContainsKey(b.Name)) diagnostics.Add(ProfileDiagnostics.MissingBaseType, b.Name);
                return (b.Name, []);
            case VoidTypeRef:
                return ("void", []);
            case FunctionTypeRef:
                return ("Function", []);
            case RecordTypeRef r:
                return (r.Name, []);
            case EnumTypeRef e:
                return ("Enumeration", new JsonObject { ["enum_name"] = e.Name, ["target"] = EnumBase(e.Name) });
            case PointerTypeRef p:
                return ("Pointer", Target(p.Target));
            case ArrayTypeRef a:
                var args = Target(a.Element);
                args["count"] = a.Count ?? 0;
                return ("Array", args);
            case var other:
                throw new InvalidOperationException("unexpected type reference " + other.GetType().Name);
        }
    }

    public JsonArray EncodeAsArray(TypeRef type)
    {
        var (name, args) = Encode(type);
        // The JsonNode overloads: Add<T> builds values by reflection, which a NativeAOT build cannot keep.
        return new JsonArray(JsonValue.Create(name), args);
    }

    /// <summary>The base type an enum is stored as (gcc's choice, C11 6.7.2.2p4).</summary>
    public string EnumBase(string enumName)
    {
        if (layouts.Enums.TryGetValue(enumName, out var layout)) return layout.BaseType;
        diagnostics.Add(ProfileDiagnostics.UnknownEnum, enumName);
        return "int";
    }

    private JsonObject Target(TypeRef target)
    {
        var (name, args) = Encode(target);
        var result = new JsonObject { ["target"] = name };
        if (args.Count > 0) result["target_args"] = args;
        return result;
    }
}
