using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Profiles.Isf;

/// <summary>
/// ISF type descriptors: <c>{kind: base|pointer|array|struct|union|enum|function, ...}</c>.
/// Typedefs are looked through (ISF has no typedef kind); qualifiers are
/// already absent from <see cref="TypeRef"/>. A flexible array member has
/// count 0, as dwarf2json writes it.
/// </summary>
internal sealed class IsfTypeEncoder(TypedefResolver typedefs)
{
    private readonly SortedSet<string> _usedBaseTypes = new(StringComparer.Ordinal);

    /// <summary>Every base type name a descriptor has referred to so far (void included).</summary>
    public IReadOnlySet<string> UsedBaseTypes => _usedBaseTypes;

    public JsonObject Encode(TypeRef type) => typedefs.Peel(type) switch
    {
        BaseTypeRef b => Base(b.Name),
        VoidTypeRef => Base("void"),
        PointerTypeRef p => new JsonObject { ["kind"] = "pointer", ["subtype"] = Encode(p.Target) },
        ArrayTypeRef a => Array(a.Count ?? 0, Encode(a.Element)),
        RecordTypeRef r => new JsonObject { ["kind"] = r.Kind == RecordKind.Struct ? "struct" : "union", ["name"] = r.Name },
        EnumTypeRef e => new JsonObject { ["kind"] = "enum", ["name"] = e.Name },
        FunctionTypeRef => new JsonObject { ["kind"] = "function" },
        var other => throw new InvalidOperationException("unexpected type reference " + other.GetType().Name),
    };

    public JsonObject Base(string name)
    {
        _usedBaseTypes.Add(name);
        return new JsonObject { ["kind"] = "base", ["name"] = name };
    }

    public static JsonObject Array(long count, JsonObject subtype) =>
        new() { ["kind"] = "array", ["count"] = count, ["subtype"] = subtype };
}
