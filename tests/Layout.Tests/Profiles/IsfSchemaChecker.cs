using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>
/// A small structural checker for ISF 6.2.0 Linux profiles, written from the
/// schema's rules: required keys, allowed keys (the schema closes every object
/// with additionalProperties: false), value types and the patterns of kind,
/// format, endian and hash fields; plus the references a reader follows
/// (every base type and enum a descriptor names exists, every struct/union
/// used by value exists).
/// </summary>
internal static partial class IsfSchemaChecker
{
    public static List<string> Check(JsonNode? root)
    {
        var errors = new List<string>();
        if (root is not JsonObject doc)
        {
            errors.Add("$: not an object");
            return errors;
        }
        Keys(doc, "$", ["metadata", "base_types", "user_types", "enums", "symbols"], [], errors);
        Metadata(doc["metadata"], errors);

        var baseTypes = doc["base_types"] as JsonObject ?? [];
        foreach (var (name, entry) in baseTypes) BaseType(entry, $"base_types.{name}", errors);

        var userTypes = doc["user_types"] as JsonObject ?? [];
        var enums = doc["enums"] as JsonObject ?? [];
        var references = new References(baseTypes, userTypes, enums);

        foreach (var (name, entry) in userTypes)
        {
            var path = $"user_types.{name}";
            if (!Keys(entry, path, ["kind", "size", "fields"], [], errors)) continue;
            Pattern(entry!["kind"], "^(struct|union|class)$", path + ".kind", errors);
            Integer(entry["size"], path + ".size", errors);
            if (entry["fields"] is not JsonObject fields)
            {
                errors.Add(path + ".fields: not an object");
                continue;
            }
            foreach (var (fieldName, field) in fields)
            {
                var fieldPath = $"{path}.fields.{fieldName}";
                if (!Keys(field, fieldPath, ["type", "offset"], ["anonymous"], errors)) continue;
                Integer(field!["offset"], fieldPath + ".offset", errors);
                if (field["anonymous"] is { } anonymous && anonymous.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add(fieldPath + ".anonymous: not a boolean");
                }
                Descriptor(field["type"], fieldPath + ".type", references, byValue: true, errors);
            }
        }

        foreach (var (name, entry) in enums)
        {
            var path = $"enums.{name}";
            if (!Keys(entry, path, ["size", "base", "constants"], [], errors)) continue;
            Integer(entry!["size"], path + ".size", errors);
            if (entry["base"] is not JsonValue b || b.GetValueKind() != JsonValueKind.String) errors.Add(path + ".base: not a string");
            else if (!baseTypes.ContainsKey((string)b!)) errors.Add($"{path}.base: no base type '{(string)b!}'");
            if (entry["constants"] is not JsonObject constants) errors.Add(path + ".constants: not an object");
            else foreach (var (c, v) in constants) Integer(v, $"{path}.constants.{c}", errors);
        }

        foreach (var (name, entry) in doc["symbols"] as JsonObject ?? [])
        {
            var path = $"symbols.{name}";
            if (!Keys(entry, path, ["address"], ["linkage_name", "type", "constant_data"], errors)) continue;
            if (entry!["address"]?.GetValueKind() != JsonValueKind.Number) errors.Add(path + ".address: not a number");
            if (entry["type"] is { } type) Descriptor(type, path + ".type", references, byValue: true, errors);
            if (entry["constant_data"] is { } data)
            {
                if (data.GetValueKind() != JsonValueKind.String) errors.Add(path + ".constant_data: not a string");
                else
                {
                    try { Convert.FromBase64String((string)data!); }
                    catch (FormatException) { errors.Add(path + ".constant_data: not base64"); }
                }
            }
        }
        return errors;
    }

    private sealed record References(JsonObject BaseTypes, JsonObject UserTypes, JsonObject Enums);

    private static void Metadata(JsonNode? node, List<string> errors)
    {
        if (!Keys(node, "metadata", ["format", "linux"], ["producer"], errors)) return;
        Pattern(node!["format"], "^6.[0-9]+.[0-9]+$", "metadata.format", errors);
        if (node["producer"] is { } producer && Keys(producer, "metadata.producer", [], ["name", "version", "datetime"], errors))
        {
            foreach (var (k, v) in producer.AsObject())
            {
                if (v?.GetValueKind() != JsonValueKind.String) errors.Add($"metadata.producer.{k}: not a string");
            }
        }
        if (!Keys(node["linux"], "metadata.linux", [], ["symbols", "types"], errors)) return;
        foreach (var list in new[] { "symbols", "types" })
        {
            if (node["linux"]![list] is not { } items) continue;
            if (items is not JsonArray array)
            {
                errors.Add($"metadata.linux.{list}: not an array");
                continue;
            }
            for (var i = 0; i < array.Count; i++)
            {
                var path = $"metadata.linux.{list}[{i}]";
                if (!Keys(array[i], path, [], ["kind", "name", "hash_type", "hash_value"], errors)) continue;
                var item = array[i]!;
                if (item["kind"] is { } k) Pattern(k, "^(dwarf|symtab|system-map)$", path + ".kind", errors);
                if (item["hash_type"] is { } ht) Pattern(ht, "^(sha256)$", path + ".hash_type", errors);
                if (item["hash_value"] is { } hv) Pattern(hv, "^[a-fA-F0-9]+$", path + ".hash_value", errors);
                if (item["name"] is { } n && n.GetValueKind() != JsonValueKind.String) errors.Add(path + ".name: not a string");
            }
        }
    }

    private static void BaseType(JsonNode? node, string path, List<string> errors)
    {
        if (!Keys(node, path, ["size", "kind", "signed", "endian"], [], errors)) return;
        Integer(node!["size"], path + ".size", errors);
        Pattern(node["kind"], "^(void|int|float|char|bool)$", path + ".kind", errors);
        Pattern(node["endian"], "^(little|big)$", path + ".endian", errors);
        if (node["signed"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) errors.Add(path + ".signed: not a boolean");
    }

    /// <summary>One of the schema's seven descriptor shapes, each closed to other keys.</summary>
    private static void Descriptor(JsonNode? node, string path, References refs, bool byValue, List<string> errors)
    {
        if (node is not JsonObject d || d["kind"]?.GetValueKind() != JsonValueKind.String)
        {
            errors.Add(path + ": not a type descriptor");
            return;
        }
        switch ((string)d["kind"]!)
        {
            case "base":
                if (!Keys(d, path, ["kind", "name"], [], errors)) return;
                if (!refs.BaseTypes.ContainsKey((string)d["name"]!)) errors.Add($"{path}: no base type '{(string)d["name"]!}'");
                break;
            case "pointer":
                if (!Keys(d, path, ["kind", "subtype"], ["base"], errors)) return;
                Descriptor(d["subtype"], path + ".subtype", refs, byValue: false, errors);
                break;
            case "array":
                if (!Keys(d, path, ["kind", "subtype", "count"], [], errors)) return;
                Integer(d["count"], path + ".count", errors);
                Descriptor(d["subtype"], path + ".subtype", refs, byValue, errors);
                break;
            case "struct" or "union" or "class":
                if (!Keys(d, path, ["kind", "name"], [], errors)) return;
                if (byValue && !refs.UserTypes.ContainsKey((string)d["name"]!)) errors.Add($"{path}: no user type '{(string)d["name"]!}'");
                break;
            case "enum":
                if (!Keys(d, path, ["kind", "name"], [], errors)) return;
                if (!refs.Enums.ContainsKey((string)d["name"]!)) errors.Add($"{path}: no enum '{(string)d["name"]!}'");
                break;
            case "function":
                Keys(d, path, ["kind"], [], errors);
                break;
            case "bitfield":
                if (!Keys(d, path, ["kind", "bit_position", "bit_length", "type"], [], errors)) return;
                Integer(d["bit_position"], path + ".bit_position", errors);
                Integer(d["bit_length"], path + ".bit_length", errors);
                var inner = d["type"] as JsonObject;
                if ((string?)inner?["kind"] is not ("base" or "enum")) errors.Add(path + ".type: neither base nor enum");
                else Descriptor(inner, path + ".type", refs, byValue, errors);
                break;
            default:
                errors.Add($"{path}.kind: unknown kind '{(string)d["kind"]!}'");
                break;
        }
    }

    private static bool Keys(JsonNode? node, string path, string[] required, string[] optional, List<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(path + ": not an object");
            return false;
        }
        var ok = true;
        foreach (var key in required)
        {
            if (!obj.ContainsKey(key))
            {
                errors.Add($"{path}: missing '{key}'");
                ok = false;
            }
        }
        foreach (var (key, _) in obj)
        {
            if (!required.Contains(key) && !optional.Contains(key))
            {
                errors.Add($"{path}: unexpected '{key}'");
                ok = false;
            }
        }
        return ok;
    }

    private static void Integer(JsonNode? node, string path, List<string> errors)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !IntegerText().IsMatch(v.ToJsonString()))
        {
            errors.Add(path + ": not an integer");
        }
    }

    private static void Pattern(JsonNode? node, string pattern, string path, List<string> errors)
    {
        if (node is not JsonValue v || v.GetValueKind() != JsonValueKind.String || !Regex.IsMatch((string)v!, pattern))
        {
            errors.Add($"{path}: does not match {pattern}");
        }
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex IntegerText();
}
