using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Isf;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>The ISF writer against ISF 6.2.0 written out by hand from the format's rules.</summary>
public sealed class IsfWriterTests
{
    private const string MapSha = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

    private static IsfInput Input(LayoutSet? set = null, bool banner = true) => new(
        set ?? MiniKernel.Set(),
        MiniKernel.Addresses(),
        MiniKernel.SymbolTypes(),
        banner ? MiniKernel.Banner() : null,
        new IsfProducer("layout-expert", "0.1.0"),
        [new IsfSourceFile(IsfSourceKind.SystemMap, "System.map-6.1.0-56-amd64", MapSha)],
        []);

    private static JsonObject Build(IsfInput? input = null) => IsfWriter.Build(input ?? Input()).ToJson();

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected:\n{JsonNode.Parse(expected)!.ToJsonString()}\nactual:\n{actual?.ToJsonString()}");

    [Fact]
    public void Top_level_has_exactly_the_five_required_sections()
    {
        var doc = Build();
        Assert.Equal(["base_types", "enums", "metadata", "symbols", "user_types"], doc.Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Metadata_names_format_producer_and_hashed_inputs()
    {
        AssertJson($$"""
            {
              "format": "6.2.0",
              "producer": { "name": "layout-expert", "version": "0.1.0" },
              "linux": {
                "symbols": [ { "kind": "system-map", "name": "System.map-6.1.0-56-amd64", "hash_type": "sha256", "hash_value": "{{MapSha}}" } ],
                "types": []
              }
            }
            """, Build()["metadata"]);
    }

    [Fact]
    public void A_source_with_a_bad_hash_is_an_error_and_left_out()
    {
        var input = Input() with { TypeSources = [new IsfSourceFile(IsfSourceKind.Dwarf, "module.ko", "not-hex")] };
        var document = IsfWriter.Build(input);
        Assert.True(document.HasErrors);
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4860");
        Assert.Empty(document.ToJson()["metadata"]!["linux"]!["types"]!.AsArray());
    }

    [Fact]
    public void Source_file_entry_hashes_the_file_bytes()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("le-isf-").FullName, "System.map");
        File.WriteAllText(file, "abc");
        var entry = IsfSourceFile.FromFile(IsfSourceKind.SystemMap, file);
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", entry.Sha256);
        Assert.Equal("System.map", entry.Name);
    }

    [Fact]
    public void Base_types_carry_gcc_names_sizes_signs_and_kinds_plus_pointer_and_void()
    {
        var baseTypes = Build()["base_types"]!;
        AssertJson("""{ "size": 1, "signed": true, "kind": "char", "endian": "little" }""", baseTypes["char"]);
        AssertJson("""{ "size": 1, "signed": false, "kind": "char", "endian": "little" }""", baseTypes["unsigned char"]);
        AssertJson("""{ "size": 2, "signed": false, "kind": "int", "endian": "little" }""", baseTypes["short unsigned int"]);
        AssertJson("""{ "size": 8, "signed": true, "kind": "int", "endian": "little" }""", baseTypes["long int"]);
        AssertJson("""{ "size": 8, "signed": false, "kind": "int", "endian": "little" }""", baseTypes["long unsigned int"]);
        AssertJson("""{ "size": 1, "signed": false, "kind": "bool", "endian": "little" }""", baseTypes["_Bool"]);
        AssertJson("""{ "size": 8, "signed": true, "kind": "float", "endian": "little" }""", baseTypes["double"]);
        AssertJson("""{ "size": 8, "signed": true, "kind": "int", "endian": "little" }""", baseTypes["complex float"]);
        AssertJson("""{ "size": 8, "signed": false, "kind": "int", "endian": "little" }""", baseTypes["pointer"]);
        AssertJson("""{ "size": 0, "signed": false, "kind": "void", "endian": "little" }""", baseTypes["void"]);
        Assert.Equal(Layouts.GccBaseTypes.Length + 2, baseTypes.AsObject().Count);
    }

    [Fact]
    public void Void_is_written_only_when_referenced()
    {
        var set = Layouts.Set([Struct("s", 4, M("a", 0, B("int")))]);
        var input = Input(set, banner: false) with { SymbolAddresses = ImmutableSortedDictionary<string, ulong>.Empty, SymbolTypes = ImmutableSortedDictionary<string, TypeRef>.Empty };
        var baseTypes = Build(input)["base_types"]!.AsObject();
        Assert.False(baseTypes.ContainsKey("void"));
        Assert.True(baseTypes.ContainsKey("pointer"));
    }

    [Fact]
    public void Struct_fields_cover_typedefs_pointers_arrays_enums_bitfields_and_anonymous_members()
    {
        AssertJson($$"""
            {
              "kind": "struct", "size": 120,
              "fields": {
                "state": { "type": { "kind": "base", "name": "long int" }, "offset": 0 },
                "flags": { "type": { "kind": "base", "name": "unsigned int" }, "offset": 8 },
                "usage": { "type": { "kind": "struct", "name": "{{MiniKernel.Atomic.Name}}" }, "offset": 12 },
                "tasks": { "type": { "kind": "struct", "name": "list_head" }, "offset": 16 },
                "unnamed_field_20": { "type": { "kind": "union", "name": "{{MiniKernel.XOrLoHi.Name}}" }, "offset": 32, "anonymous": true },
                "stack": { "type": { "kind": "pointer", "subtype": { "kind": "base", "name": "void" } }, "offset": 40 },
                "fn": { "type": { "kind": "pointer", "subtype": { "kind": "function" } }, "offset": 48 },
                "comm": { "type": { "kind": "array", "count": 16, "subtype": { "kind": "base", "name": "char" } }, "offset": 56 },
                "grid": { "type": { "kind": "array", "count": 2,
                          "subtype": { "kind": "array", "count": 3, "subtype": { "kind": "base", "name": "int" } } }, "offset": 72 },
                "type": { "type": { "kind": "enum", "name": "pid_type" }, "offset": 96 },
                "bf":  { "type": { "kind": "bitfield", "bit_position": 0, "bit_length": 4,  "type": { "kind": "base", "name": "unsigned int" } }, "offset": 100 },
                "bf2": { "type": { "kind": "bitfield", "bit_position": 4, "bit_length": 14, "type": { "kind": "base", "name": "unsigned int" } }, "offset": 100 },
                "bf3": { "type": { "kind": "bitfield", "bit_position": 2, "bit_length": 5,  "type": { "kind": "base", "name": "unsigned int" } }, "offset": 102 },
                "children": { "type": { "kind": "pointer", "subtype": { "kind": "struct", "name": "list_head" } }, "offset": 104 },
                "pp": { "type": { "kind": "pointer", "subtype": { "kind": "pointer", "subtype": { "kind": "struct", "name": "task_struct" } } }, "offset": 112 },
                "tail": { "type": { "kind": "array", "count": 0, "subtype": { "kind": "base", "name": "char" } }, "offset": 120 }
              }
            }
            """, Build()["user_types"]!["task_struct"]);
    }

    [Fact]
    public void Nested_anonymous_records_are_user_types_with_their_own_offsets()
    {
        var userTypes = Build()["user_types"]!;
        AssertJson($$"""
            {
              "kind": "union", "size": 4,
              "fields": {
                "x": { "type": { "kind": "base", "name": "int" }, "offset": 0 },
                "unnamed_field_0": { "type": { "kind": "struct", "name": "{{MiniKernel.LoHi.Name}}" }, "offset": 0, "anonymous": true }
              }
            }
            """, userTypes[MiniKernel.XOrLoHi.Name]);
        AssertJson("""
            {
              "kind": "struct", "size": 4,
              "fields": {
                "lo": { "type": { "kind": "base", "name": "short int" }, "offset": 0 },
                "hi": { "type": { "kind": "base", "name": "short int" }, "offset": 2 }
              }
            }
            """, userTypes[MiniKernel.LoHi.Name]);
    }

    [Fact]
    public void Anonymous_members_sharing_an_offset_keep_distinct_type_derived_names()
    {
        var lru = "unnamed_field_0_" + MiniKernel.Digest("struct " + MiniKernel.PageLru.Name);
        var pool = "unnamed_field_0_" + MiniKernel.Digest("struct " + MiniKernel.PagePool.Name);
        Assert.NotEqual(lru, pool);
        var userTypes = Build()["user_types"]!;
        AssertJson($$"""
            {
              "kind": "union", "size": 24,
              "fields": {
                "{{lru}}": { "type": { "kind": "struct", "name": "{{MiniKernel.PageLru.Name}}" }, "offset": 0, "anonymous": true },
                "{{pool}}": { "type": { "kind": "struct", "name": "{{MiniKernel.PagePool.Name}}" }, "offset": 0, "anonymous": true }
              }
            }
            """, userTypes[MiniKernel.PageUnion.Name]);
        AssertJson($$"""
            {
              "kind": "struct", "size": 32,
              "fields": {
                "flags": { "type": { "kind": "base", "name": "long unsigned int" }, "offset": 0 },
                "unnamed_field_8": { "type": { "kind": "union", "name": "{{MiniKernel.PageUnion.Name}}" }, "offset": 8, "anonymous": true }
              }
            }
            """, userTypes["page"]);
    }

    [Fact]
    public void Union_members_all_sit_at_offset_zero_with_pointer_to_enum_and_to_array()
    {
        AssertJson("""
            {
              "kind": "union", "size": 16,
              "fields": {
                "i": { "type": { "kind": "base", "name": "int" }, "offset": 0 },
                "f": { "type": { "kind": "base", "name": "float" }, "offset": 0 },
                "l": { "type": { "kind": "struct", "name": "list_head" }, "offset": 0 },
                "pt": { "type": { "kind": "pointer", "subtype": { "kind": "enum", "name": "pid_type" } }, "offset": 0 },
                "rows": { "type": { "kind": "pointer", "subtype": { "kind": "array", "count": 3, "subtype": { "kind": "base", "name": "int" } } }, "offset": 0 }
              }
            }
            """, Build()["user_types"]!["mixed"]);
    }

    [Fact]
    public void Enums_have_size_gcc_base_and_constants_with_negative_and_large_values()
    {
        var enums = Build()["enums"]!;
        AssertJson("""
            { "size": 4, "base": "unsigned int",
              "constants": { "PIDTYPE_PID": 0, "PIDTYPE_TGID": 1, "PIDTYPE_PGID": 2, "PIDTYPE_SID": 3, "PIDTYPE_MAX": 4 } }
            """, enums["pid_type"]);
        AssertJson("""{ "size": 4, "base": "int", "constants": { "SIGN_NEG": -2, "SIGN_POS": 5 } }""", enums["signs"]);
        AssertJson("""
            { "size": 8, "base": "long unsigned int",
              "constants": { "WIDE_ONE": 1, "WIDE_TOP": 9223372036854775808, "WIDE_ALSO_ONE": 1 } }
            """, enums["wide"]);
    }

    [Fact]
    public void Symbols_have_masked_addresses_and_resolved_types_when_declared()
    {
        var symbols = Build()["symbols"]!;
        AssertJson("""{ "address": 281472873318720, "type": { "kind": "struct", "name": "task_struct" } }""", symbols["init_task"]);
        Assert.Equal(0x0000ffff82a0c940UL, (ulong)symbols["init_task"]!["address"]!);
        AssertJson("""{ "address": 281472875387136, "type": { "kind": "base", "name": "long unsigned int" } }""", symbols["jiffies"]);
        Assert.Equal(0x0000ffff82c05900UL, (ulong)symbols["jiffies"]!["address"]!);
        AssertJson("""{ "address": 281472875387392, "type": { "kind": "base", "name": "unsigned int" } }""", symbols["some_u32"]);
        AssertJson("""{ "address": 281472846004224 }""", symbols["_text"]);
        Assert.Equal(0x0000ffff81000000UL, (ulong)symbols["_text"]!["address"]!);
        Assert.Null(symbols["declared_only"]);
    }

    [Fact]
    public void Full_64_bit_addresses_are_kept_when_masking_is_off()
    {
        var symbols = Build(Input() with { MaskAddressesTo48Bits = false })["symbols"]!;
        Assert.Equal(0xffffffff82a0c940UL, (ulong)symbols["init_task"]!["address"]!);
    }

    [Fact]
    public void Typed_symbols_without_an_address_are_reported()
    {
        var document = IsfWriter.Build(Input());
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4858" && d.Message.Contains("declared_only"));
    }

    [Fact]
    public void Linux_banner_carries_the_exact_banner_bytes_and_a_char_array_of_their_length()
    {
        var banner = Build()["symbols"]!["linux_banner"]!;
        var expected = Encoding.ASCII.GetBytes(MiniKernel.BannerText + "\0");
        Assert.Equal(expected, Convert.FromBase64String((string)banner["constant_data"]!));
        Assert.Equal((byte)'\n', expected[^2]);
        AssertJson($$"""{ "kind": "array", "count": {{expected.Length}}, "subtype": { "kind": "base", "name": "char" } }""", banner["type"]);
        Assert.Equal(0x0000ffff82200100UL, (ulong)banner["address"]!);
    }

    [Fact]
    public void Without_a_banner_linux_banner_keeps_its_declared_type_and_no_data()
    {
        var banner = Build(Input(banner: false))["symbols"]!["linux_banner"]!;
        Assert.Null(banner["constant_data"]);
        AssertJson("""{ "kind": "array", "count": 0, "subtype": { "kind": "base", "name": "char" } }""", banner["type"]);
    }

    [Fact]
    public void A_banner_without_a_linux_banner_symbol_is_reported()
    {
        var addresses = MiniKernel.Addresses().Remove("linux_banner");
        var document = IsfWriter.Build(Input() with { SymbolAddresses = addresses });
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4859");
        Assert.Null(document.ToJson()["symbols"]!["linux_banner"]);
    }

    [Fact]
    public void The_banner_adds_plain_char_when_the_layout_set_lacks_it()
    {
        var set = Layouts.Set([], baseTypes: [new BaseTypeLayout("int", 4, BaseTypeEncoding.Signed)]);
        var input = Input(set) with { SymbolTypes = ImmutableSortedDictionary<string, TypeRef>.Empty };
        var document = IsfWriter.Build(input);
        AssertJson("""{ "size": 1, "signed": true, "kind": "char", "endian": "little" }""", document.ToJson()["base_types"]!["char"]);
        Assert.DoesNotContain(document.Diagnostics, d => d.Code == "LE4853");
    }

    [Fact]
    public void Typedef_chains_resolve_and_unknown_typedefs_become_void_with_a_warning()
    {
        var set = Layouts.Set(
            [Struct("s", 16, M("a", 0, T("u32")), M("b", 8, P(T("u32_alias"))), M("c", 4, T("missing")))],
            typedefs: [new TypedefLayout("__u32", B("unsigned int")), new TypedefLayout("u32", T("__u32")), new TypedefLayout("u32_alias", T("u32"))]);
        var document = IsfWriter.Build(Input(set, banner: false) with { SymbolTypes = ImmutableSortedDictionary<string, TypeRef>.Empty });
        var fields = document.ToJson()["user_types"]!["s"]!["fields"]!;
        AssertJson("""{ "kind": "base", "name": "unsigned int" }""", fields["a"]!["type"]);
        AssertJson("""{ "kind": "pointer", "subtype": { "kind": "base", "name": "unsigned int" } }""", fields["b"]!["type"]);
        AssertJson("""{ "kind": "base", "name": "void" }""", fields["c"]!["type"]);
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4851" && d.Message.Contains("'missing'"));
    }

    [Fact]
    public void A_typedef_cycle_is_reported_not_looped()
    {
        var set = Layouts.Set([Struct("s", 4, M("a", 0, T("a_t")))],
            typedefs: [new TypedefLayout("a_t", T("b_t")), new TypedefLayout("b_t", T("a_t"))]);
        var document = IsfWriter.Build(Input(set, banner: false));
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4852");
    }

    [Fact]
    public void Enum_bitfields_and_typedefed_bool_bitfields_name_their_scalar_type()
    {
        var set = Layouts.Set(
            [Struct("s", 4, Bits("kind", 0, 3, E("pid_type")), Bits("on", 3, 1, T("bool")))],
            [MiniKernel.PidType],
            [new TypedefLayout("bool", B("_Bool"))]);
        var fields = Build(Input(set, banner: false))["user_types"]!["s"]!["fields"]!;
        AssertJson("""{ "type": { "kind": "bitfield", "bit_position": 0, "bit_length": 3, "type": { "kind": "enum", "name": "pid_type" } }, "offset": 0 }""", fields["kind"]);
        AssertJson("""{ "type": { "kind": "bitfield", "bit_position": 3, "bit_length": 1, "type": { "kind": "base", "name": "_Bool" } }, "offset": 0 }""", fields["on"]);
    }

    [Fact]
    public void A_packed_bitfield_longer_than_its_type_from_its_first_byte_is_warned()
    {
        // struct __attribute__((packed)) { char c; unsigned int v:32 ... } puts 32 bits at bit 4 of a
        // packed layout; from byte 0, bit 4, a 4-byte read sees only 28 of them.
        var set = Layouts.Set([Struct("p", 5, Bits("c", 0, 4, B("unsigned char")), Bits("v", 4, 32, B("unsigned int")))]);
        var document = IsfWriter.Build(Input(set, banner: false));
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4856" && d.Message.Contains("'p.v'"));
    }

    [Fact]
    public void Unnamed_bitfields_are_padding_and_get_no_field()
    {
        var set = Layouts.Set([Struct("s", 4, Bits("a", 0, 3, B("int")), Bits(null, 3, 5, B("int")), Bits("b", 8, 2, B("int")))]);
        var fields = Build(Input(set, banner: false))["user_types"]!["s"]!["fields"]!.AsObject();
        Assert.Equal(["a", "b"], fields.Select(f => f.Key));
    }

    [Fact]
    public void The_output_passes_the_structural_schema_check()
    {
        var errors = IsfSchemaChecker.Check(Build());
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Equal_inputs_give_equal_bytes_whatever_the_insertion_order()
    {
        var first = IsfWriter.Build(Input()).Bytes;
        var second = IsfWriter.Build(Input()).Bytes;
        Assert.True(first.SequenceEqual(second));

        var reversed = new Dictionary<string, ulong>();
        foreach (var (k, v) in MiniKernel.Addresses().Reverse()) reversed[k] = v;
        var reversedTypes = new Dictionary<string, TypeRef>();
        foreach (var (k, v) in MiniKernel.SymbolTypes().Reverse()) reversedTypes[k] = v;
        var third = IsfWriter.Build(Input() with { SymbolAddresses = reversed, SymbolTypes = reversedTypes }).Bytes;
        Assert.True(first.SequenceEqual(third));
    }

    [Fact]
    public void Keys_are_sorted_ordinally_at_every_level()
    {
        JsonKeyOrder.AssertSorted(IsfWriter.Build(Input()).Bytes.AsSpan());
    }

    [Fact]
    public void Write_puts_the_same_bytes_on_disk()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("le-isf-").FullName, "profile.json");
        var diagnostics = IsfWriter.Write(Input(), path);
        Assert.Equal(IsfWriter.Build(Input()).Bytes, File.ReadAllBytes(path));
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }
}
