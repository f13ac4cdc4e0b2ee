using System.Text.Json.Nodes;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>The structural checker must reject what the schema rejects, or passing it proves nothing.</summary>
public sealed class IsfSchemaCheckerTests
{
    private const string Valid = """
        {
          "metadata": { "format": "6.2.0", "producer": { "name": "x", "version": "1" },
                        "linux": { "symbols": [ { "kind": "system-map", "name": "System.map", "hash_type": "sha256", "hash_value": "ab12" } ] } },
          "base_types": { "int": { "size": 4, "signed": true, "kind": "int", "endian": "little" } },
          "user_types": { "s": { "kind": "struct", "size": 4, "fields": {
              "a": { "type": { "kind": "bitfield", "bit_position": 0, "bit_length": 3, "type": { "kind": "base", "name": "int" } }, "offset": 0 } } } },
          "enums": { "e": { "size": 4, "base": "int", "constants": { "A": -1 } } },
          "symbols": { "v": { "address": 16, "type": { "kind": "pointer", "subtype": { "kind": "struct", "name": "undefined_is_fine_behind_pointers" } } } }
        }
        """;

    [Fact]
    public void Accepts_a_valid_document() => Assert.Empty(IsfSchemaChecker.Check(JsonNode.Parse(Valid)));

    [Theory]
    [InlineData("metadata.format", "\"5.0.0\"", "metadata.format")]
    [InlineData("base_types.int.kind", "\"integer\"", "base_types.int.kind")]
    [InlineData("base_types.int.signed", "1", "base_types.int.signed")]
    [InlineData("user_types.s.kind", "\"enum\"", "user_types.s.kind")]
    [InlineData("user_types.s.fields.a.offset", "1.5", "user_types.s.fields.a.offset")]
    [InlineData("user_types.s.fields.a.type.type", "{ \"kind\": \"struct\", \"name\": \"s\" }", "neither base nor enum")]
    [InlineData("user_types.s.fields.a.type.kind", "\"bits\"", "unknown kind")]
    [InlineData("enums.e.base", "\"long\"", "no base type 'long'")]
    [InlineData("symbols.v.address", "\"16\"", "symbols.v.address")]
    [InlineData("symbols.v.type.subtype", "{ \"kind\": \"base\", \"name\": \"nope\" }", "no base type 'nope'")]
    [InlineData("symbols.v.extra", "1", "unexpected 'extra'")]
    [InlineData("metadata.linux.symbols", "[ { \"kind\": \"elf\" } ]", "metadata.linux.symbols[0].kind")]
    public void Rejects_a_broken_document(string path, string value, string expectedError)
    {
        var doc = JsonNode.Parse(Valid)!;
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(doc, (node, key) => node[key]!);
        parent[parts[^1]] = JsonNode.Parse(value);
        var errors = IsfSchemaChecker.Check(doc);
        Assert.Contains(errors, e => e.Contains(expectedError));
    }

    [Fact]
    public void Rejects_a_missing_section_and_a_struct_used_by_value_but_not_defined()
    {
        var doc = JsonNode.Parse(Valid)!.AsObject();
        doc.Remove("enums");
        doc["symbols"]!["w"] = JsonNode.Parse("""{ "address": 0, "type": { "kind": "struct", "name": "ghost" } }""");
        var errors = IsfSchemaChecker.Check(doc);
        Assert.Contains("$: missing 'enums'", errors);
        Assert.Contains(errors, e => e.Contains("no user type 'ghost'"));
    }
}
