using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Model;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Isf;
using static LayoutExpert.Layout.Tests.Profiles.Layouts;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>
/// The ISF writer's streaming output and its reuse of earlier builds
/// (<see cref="IsfFragments"/>): reuse changes the cost of a build, never its
/// bytes or diagnostics; the bytes are the canonical JSON System.Text.Json
/// writes for the same tree; the requirements read from the input are those
/// read from the document.
/// </summary>
public sealed class IsfFragmentsTests
{
    private static readonly Arbitrary<int> Seeds = Arb.From(Gen.Choose(0, int.MaxValue));

    private static void AssertSameBuild(ProfileDocument fresh, ProfileDocument reused, string what)
    {
        Assert.True(fresh.Bytes.AsSpan().SequenceEqual(reused.Bytes.AsSpan()),
            $"{what}: bytes differ\nfresh:\n{System.Text.Encoding.UTF8.GetString(fresh.Bytes.AsSpan())}\nreused:\n{System.Text.Encoding.UTF8.GetString(reused.Bytes.AsSpan())}");
        Assert.Equal(fresh.Diagnostics.Select(d => d.ToString()), reused.Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void A_build_with_fragments_of_earlier_builds_equals_a_fresh_build()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Seeds, seed =>
        {
            var random = new RandomIsfInputs(seed);
            var a = random.Input();
            var b = random.Edit(a);
            var c = random.Edit(b);
            var fragments = new IsfFragments();
            // A, then edits, then back and forth: each build with the fragments is compared with a fresh one.
            foreach (var (input, what) in new[] { (a, "a"), (b, "b"), (a, "a again"), (c, "c"), (b, "b again"), (c, "c again") })
            {
                AssertSameBuild(IsfWriter.Build(input), IsfWriter.Build(input, fragments), $"seed {seed}, {what}");
            }
        }));
    }

    [Fact]
    public void Records_kept_from_the_last_document_across_typedef_base_type_and_enum_changes_give_a_fresh_build()
    {
        // Records stay the same objects while what they read changes: the path that copies them from the last
        // document must notice every changed read (typedef retargeted or gone, base type or enum resized or gone).
        var kept = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Seeds, seed =>
        {
            var random = new Random(seed);
            var input = new RandomIsfInputs(seed).Input();
            var fragments = new IsfFragments();
            IsfWriter.Build(input, fragments);
            for (var step = 0; step < 4; step++)
            {
                input = input with { Layouts = EditReads(input.Layouts, random) };
                AssertSameBuild(IsfWriter.Build(input), IsfWriter.Build(input, fragments), $"seed {seed}, step {step}");
                kept += fragments.LastRecordsKept;
            }
        }));
        Assert.True(kept > 0, "no record was kept from a last document");
    }

    /// <summary>One change to what records read, the records themselves left as they are.</summary>
    private static LayoutSet EditReads(LayoutSet set, Random random)
    {
        static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
        string[] bases = ["int", "unsigned int", "char", "long unsigned int", "mystery"];
        switch (random.Next(5))
        {
            case 0 when set.Typedefs.Count > 0:
            {
                var name = Pick(random, set.Typedefs.Keys.ToList());
                return set with { Typedefs = set.Typedefs.SetItem(name, new TypedefLayout(name, new BaseTypeRef(Pick(random, bases)))) };
            }
            case 1 when set.Typedefs.Count > 0:
                return set with { Typedefs = set.Typedefs.Remove(Pick(random, set.Typedefs.Keys.ToList())) };
            case 2 when set.BaseTypes.Count > 0:
            {
                var old = Pick(random, set.BaseTypes.Values.ToList());
                return set with { BaseTypes = random.Next(3) == 0 ? set.BaseTypes.Remove(old.Name) : set.BaseTypes.SetItem(old.Name, old with { Size = Pick(random, [1L, 2, 4, 8]) }) };
            }
            case 3 when set.Enums.Count > 0:
            {
                var old = Pick(random, set.Enums.Values.ToList());
                return set with { Enums = random.Next(3) == 0 ? set.Enums.Remove(old.Name) : set.Enums.SetItem(old.Name, old with { Size = Pick(random, [1L, 2, 4, 8]) }) };
            }
            default:
                // Nothing read changes: every record is kept.
                return set with { };
        }
    }

    [Fact]
    public void The_bytes_are_the_canonical_form_of_the_tree_they_parse_to()
    {
        // CanonicalJson writes a parsed tree back through Utf8JsonWriter with sorted keys:
        // the writer's bytes must be that fixed point (format, escapes, numbers, key order).
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Seeds, seed =>
        {
            var document = IsfWriter.Build(new RandomIsfInputs(seed, loneSurrogates: false).Input());
            var again = CanonicalJson.Serialize(document.ToJson());
            Assert.True(again.AsSpan().SequenceEqual(document.Bytes.AsSpan()),
                $"seed {seed}:\n{System.Text.Encoding.UTF8.GetString(document.Bytes.AsSpan())}\nvs\n{System.Text.Encoding.UTF8.GetString(again)}");
            JsonKeyOrder.AssertSorted(document.Bytes.AsSpan());
        }));
    }

    [Fact]
    public void The_requirements_read_from_the_input_are_those_read_from_the_document()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Seeds, seed =>
        {
            var input = new RandomIsfInputs(seed).Input();
            Assert.Equal(string.Join("; ", IsfRequirements.FindMissing(IsfWriter.Build(input).ToJson())), string.Join("; ", IsfRequirements.FindMissing(input)));
        }));
    }

    [Fact]
    public void The_requirements_of_a_complete_profile_read_from_its_input_are_met()
    {
        var set = Set(
            IsfRequirements.RequiredTypes.Select(n => Struct(n, 8, M("x", 0, B("int")))),
            typedefs: [new TypedefLayout("task_t", S("task_struct"))]);
        var input = MiniInput(set) with
        {
            SymbolAddresses = IsfRequirements.RequiredSymbols.ToDictionary(s => s, _ => 0xffffffff81000000UL),
            SymbolTypes = new Dictionary<string, TypeRef> { ["init_task"] = T("task_t") },
        };
        Assert.Empty(IsfRequirements.FindMissing(input));
        Assert.Empty(IsfRequirements.FindMissing(IsfWriter.Build(input).ToJson()));
    }

    [Fact]
    public void After_one_record_changes_only_that_record_is_encoded_again()
    {
        var fragments = new IsfFragments();
        var input = MiniInput(MiniKernel.Set());
        IsfWriter.Build(input, fragments);
        Assert.Equal(input.Layouts.Records.Count, fragments.LastBuild.RecordsEncoded);

        IsfWriter.Build(input, fragments);
        Assert.Equal(new IsfBuildStatistics(0, input.Layouts.Records.Count, 0, input.Layouts.Enums.Count, SymbolsReused: true), fragments.LastBuild);

        var records = input.Layouts.Records;
        var changed = input with { Layouts = input.Layouts with { Records = records.SetItem("list_head", records["list_head"] with { Size = 24 }) } };
        AssertSameBuild(IsfWriter.Build(changed), IsfWriter.Build(changed, fragments), "list_head resized");
        Assert.Equal(1, fragments.LastBuild.RecordsEncoded);
    }

    [Fact]
    public void A_typedef_change_encodes_again_the_records_that_looked_through_it()
    {
        var fragments = new IsfFragments();
        var input = MiniInput(MiniKernel.Set());
        IsfWriter.Build(input, fragments);

        // task_struct's flags and bf3 are u32 -> __u32 -> unsigned int; no other record names u32.
        var typedefs = input.Layouts.Typedefs.SetItem("__u32", new TypedefLayout("__u32", B("long unsigned int")));
        var changed = input with { Layouts = input.Layouts with { Typedefs = typedefs } };
        var document = IsfWriter.Build(changed, fragments);
        AssertSameBuild(IsfWriter.Build(changed), document, "__u32 retargeted");
        Assert.Equal(1, fragments.LastBuild.RecordsEncoded);
        var flags = document.ToJson()["user_types"]!["task_struct"]!["fields"]!["flags"]!["type"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "kind": "base", "name": "long unsigned int" }"""), flags));
    }

    private static IsfInput MiniInput(LayoutSet set) => new(
        set, MiniKernel.Addresses(), MiniKernel.SymbolTypes(), MiniKernel.Banner(), new IsfProducer("layout-expert", "0.1.0"), [], []);
}
