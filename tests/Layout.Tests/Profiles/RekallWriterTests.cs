using System.Text.Json.Nodes;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles.Rekall;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>The Rekall writer against profiles written out by hand from Rekall's encodings.</summary>
public sealed class RekallWriterTests
{
    private static readonly Dictionary<string, string> Config = new()
    {
        ["CONFIG_SMP"] = "y",
        ["CONFIG_EXT4_FS"] = "m",
        ["CONFIG_NR_CPUS"] = "8192",
        ["CONFIG_LOCALVERSION"] = "\"-debian \\\"x\\\"\"",
        ["CONFIG_DEFAULT_HOSTNAME"] = "\"(none)\"",
    };

    private static RekallInput Input(LayoutSet? set = null) => new(set ?? MiniKernel.Set(), MiniKernel.Addresses(), Config);

    private static JsonObject Build(RekallInput? input = null) => RekallWriter.Build(input ?? Input()).ToJson();

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual),
            $"expected:\n{JsonNode.Parse(expected)!.ToJsonString()}\nactual:\n{actual?.ToJsonString()}");

    [Fact]
    public void Has_the_six_sections_and_linux_metadata()
    {
        var doc = Build();
        Assert.Equal(["$CONFIG", "$CONSTANTS", "$ENUMS", "$METADATA", "$REVENUMS", "$STRUCTS"], doc.Select(p => p.Key));
        AssertJson("""{ "ProfileClass": "Linux", "Type": "Profile", "Version": 1, "arch": "AMD64" }""", doc["$METADATA"]);
    }

    [Fact]
    public void Constants_are_addresses_masked_to_48_bits()
    {
        var constants = Build()["$CONSTANTS"]!;
        Assert.Equal(0x0000ffff82a0c940UL, (ulong)constants["init_task"]!);
        Assert.Equal(0x0000ffff81000000UL, (ulong)constants["_text"]!);
        Assert.Equal(MiniKernel.Addresses().Count, constants.AsObject().Count);
    }

    [Fact]
    public void Config_values_are_text_with_string_quotes_removed()
    {
        AssertJson("""
            {
              "CONFIG_SMP": "y",
              "CONFIG_EXT4_FS": "m",
              "CONFIG_NR_CPUS": "8192",
              "CONFIG_LOCALVERSION": "-debian \"x\"",
              "CONFIG_DEFAULT_HOSTNAME": "(none)"
            }
            """, Build()["$CONFIG"]);
    }

    [Fact]
    public void Struct_encodes_every_kind_of_member_and_lifts_anonymous_ones()
    {
        AssertJson($$"""
            [120, {
              "state": [0, ["long int", {}]],
              "flags": [8, ["unsigned int", {}]],
              "usage": [12, ["{{MiniKernel.Atomic.Name}}", {}]],
              "tasks": [16, ["list_head", {}]],
              "x": [32, ["int", {}]],
              "lo": [32, ["short int", {}]],
              "hi": [34, ["short int", {}]],
              "stack": [40, ["Pointer", { "target": "void" }]],
              "fn": [48, ["Pointer", { "target": "Function" }]],
              "comm": [56, ["Array", { "count": 16, "target": "char" }]],
              "grid": [72, ["Array", { "count": 2, "target": "Array", "target_args": { "count": 3, "target": "int" } }]],
              "type": [96, ["Enumeration", { "enum_name": "pid_type", "target": "unsigned int" }]],
              "bf":  [100, ["BitField", { "start_bit": 0,  "end_bit": 4,  "target": "unsigned int" }]],
              "bf2": [100, ["BitField", { "start_bit": 4,  "end_bit": 18, "target": "unsigned int" }]],
              "bf3": [100, ["BitField", { "start_bit": 18, "end_bit": 23, "target": "unsigned int" }]],
              "children": [104, ["Pointer", { "target": "list_head" }]],
              "pp": [112, ["Pointer", { "target": "Pointer", "target_args": { "target": "task_struct" } }]],
              "tail": [120, ["Array", { "count": 0, "target": "char" }]]
            }]
            """, Build()["$STRUCTS"]!["task_struct"]);
    }

    [Fact]
    public void Union_members_with_pointers_to_enum_and_array_carry_target_args()
    {
        AssertJson("""
            [16, {
              "i": [0, ["int", {}]],
              "f": [0, ["float", {}]],
              "l": [0, ["list_head", {}]],
              "pt": [0, ["Pointer", { "target": "Enumeration", "target_args": { "enum_name": "pid_type", "target": "unsigned int" } }]],
              "rows": [0, ["Pointer", { "target": "Array", "target_args": { "count": 3, "target": "int" } }]]
            }]
            """, Build()["$STRUCTS"]!["mixed"]);
    }

    [Fact]
    public void Anonymous_union_of_anonymous_structs_is_lifted_at_absolute_offsets()
    {
        var structs = Build()["$STRUCTS"]!;
        AssertJson("""
            [32, {
              "flags": [0, ["long unsigned int", {}]],
              "lru": [8, ["list_head", {}]],
              "mapping": [24, ["Pointer", { "target": "void" }]],
              "pp_magic": [8, ["long unsigned int", {}]],
              "pp": [16, ["Pointer", { "target": "void" }]]
            }]
            """, structs["page"]);
        // The anonymous types stay available under their own names.
        AssertJson("""[16, { "pp_magic": [0, ["long unsigned int", {}]], "pp": [8, ["Pointer", { "target": "void" }]] }]""",
            structs[MiniKernel.PagePool.Name]);
    }

    [Fact]
    public void Bitfields_inside_a_lifted_anonymous_struct_use_the_outer_storage_unit()
    {
        // struct outer { char c; struct { unsigned short a:3, b:7; }; };  anon struct at byte 2, size 2.
        var inner = Anonymous(RecordKind.Struct, 2, Bits("a", 0, 3, B("short unsigned int")), Bits("b", 3, 7, B("short unsigned int")));
        var set = Layouts.Set([inner, Struct("outer", 4, M("c", 0, B("char")), M(null, 2, S(inner.Name)))]);
        AssertJson("""
            [4, {
              "c": [0, ["char", {}]],
              "a": [2, ["BitField", { "start_bit": 0, "end_bit": 3, "target": "short unsigned int" }]],
              "b": [2, ["BitField", { "start_bit": 3, "end_bit": 10, "target": "short unsigned int" }]]
            }]
            """, Build(Input(set))["$STRUCTS"]!["outer"]);
    }

    [Fact]
    public void Bitfield_storage_unit_is_the_declared_type_aligned_down()
    {
        // unsigned long long v:10 at bit 70: its 8-byte unit starts at byte 8, bits 6..16 of it.
        // unsigned char w:4 at bit 84: unit is byte 10, bits 4..8.
        var set = Layouts.Set([Struct("s", 16, Bits("v", 70, 10, B("long long unsigned int")), Bits("w", 84, 4, B("unsigned char")))]);
        var fields = Build(Input(set))["$STRUCTS"]!["s"]![1]!;
        AssertJson("""[8, ["BitField", { "start_bit": 6, "end_bit": 16, "target": "long long unsigned int" }]]""", fields["v"]);
        AssertJson("""[10, ["BitField", { "start_bit": 4, "end_bit": 8, "target": "unsigned char" }]]""", fields["w"]);
    }

    [Fact]
    public void A_bitfield_crossing_its_storage_unit_is_warned()
    {
        var set = Layouts.Set([Struct("p", 5, Bits("c", 0, 4, B("unsigned char")), Bits("v", 4, 32, B("unsigned int")))]);
        var document = RekallWriter.Build(Input(set));
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4855" && d.Message.Contains("'p.v'"));
    }

    [Fact]
    public void Enum_bitfield_targets_the_enums_base_type()
    {
        var set = Layouts.Set([Struct("s", 4, Bits("k", 5, 3, E("pid_type")))], [MiniKernel.PidType]);
        AssertJson("""[0, ["BitField", { "start_bit": 5, "end_bit": 8, "target": "unsigned int" }]]""",
            Build(Input(set))["$STRUCTS"]!["s"]![1]!["k"]);
    }

    [Fact]
    public void Enums_map_values_to_first_declared_names_and_revenums_names_to_values()
    {
        var doc = Build();
        AssertJson("""
            {
              "pid_type": { "0": "PIDTYPE_PID", "1": "PIDTYPE_TGID", "2": "PIDTYPE_PGID", "3": "PIDTYPE_SID", "4": "PIDTYPE_MAX" },
              "signs": { "-2": "SIGN_NEG", "5": "SIGN_POS" },
              "wide": { "1": "WIDE_ONE", "9223372036854775808": "WIDE_TOP" }
            }
            """, doc["$ENUMS"]);
        AssertJson("""
            {
              "pid_type": { "PIDTYPE_PID": 0, "PIDTYPE_TGID": 1, "PIDTYPE_PGID": 2, "PIDTYPE_SID": 3, "PIDTYPE_MAX": 4 },
              "signs": { "SIGN_NEG": -2, "SIGN_POS": 5 },
              "wide": { "WIDE_ONE": 1, "WIDE_TOP": 9223372036854775808, "WIDE_ALSO_ONE": 1 }
            }
            """, doc["$REVENUMS"]);
    }

    [Fact]
    public void A_name_repeated_by_lifting_keeps_the_first_and_warns()
    {
        var inner = Anonymous(RecordKind.Struct, 4, M("a", 0, B("int")));
        var set = Layouts.Set([inner, Struct("s", 8, M("a", 0, B("int")), M(null, 4, S(inner.Name)))]);
        var document = RekallWriter.Build(Input(set));
        AssertJson("""[8, { "a": [0, ["int", {}]] }]""", document.ToJson()["$STRUCTS"]!["s"]);
        Assert.Contains(document.Diagnostics, d => d.Code == "LE4861");
    }

    [Fact]
    public void Deterministic_and_sorted()
    {
        var first = RekallWriter.Build(Input()).Bytes;
        var reordered = new Dictionary<string, string>();
        foreach (var (k, v) in Config.Reverse()) reordered[k] = v;
        var second = RekallWriter.Build(Input() with { ConfigOptions = reordered }).Bytes;
        Assert.True(first.SequenceEqual(second));
        JsonKeyOrder.AssertSorted(first.AsSpan());
    }
}
