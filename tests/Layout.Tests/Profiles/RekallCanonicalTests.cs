using FsCheck;
using FsCheck.Fluent;
using LayoutExpert.Layout.Profiles;
using LayoutExpert.Layout.Profiles.Rekall;

namespace LayoutExpert.Layout.Tests.Profiles;

/// <summary>The Rekall writer writes its bytes directly: they must be the canonical JSON of the tree they parse to.</summary>
public sealed class RekallCanonicalTests
{
    [Fact]
    public void The_bytes_are_the_canonical_form_of_the_tree_they_parse_to()
    {
        // CanonicalJson writes a parsed tree back through Utf8JsonWriter with sorted keys: format,
        // escapes, numbers and key order must come out as the writer wrote them.
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
        {
            var isf = new RandomIsfInputs(seed, loneSurrogates: false).Input();
            var options = isf.SymbolAddresses.ToDictionary(p => "CONFIG_" + p.Key, p => p.Value % 3 == 0 ? "\"a \\\"quoted\\\" \\\\ value\"" : "y");
            var document = RekallWriter.Build(new RekallInput(isf.Layouts, isf.SymbolAddresses, options, isf.Producer.Name, isf.MaskAddressesTo48Bits));
            var again = CanonicalJson.Serialize(document.ToJson());
            Assert.True(again.AsSpan().SequenceEqual(document.Bytes.AsSpan()),
                $"seed {seed}:\n{System.Text.Encoding.UTF8.GetString(document.Bytes.AsSpan())}\nvs\n{System.Text.Encoding.UTF8.GetString(again)}");
            JsonKeyOrder.AssertSorted(document.Bytes.AsSpan());
        }));
    }
}
