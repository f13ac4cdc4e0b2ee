using LayoutExpert.Layout.Tests.Engine.Oracle;

namespace LayoutExpert.Layout.Tests.Engine;

/// <summary>Counter-examples the random property found, kept as plain regression tests (each fixed in the engine).</summary>
public sealed class CounterExampleTests
{
    /// <summary>
    /// Found by the property (seed 1392069426, and again as 1777164471): a
    /// bit-field whose type is aligned beyond 16 bytes, after 16 bytes of
    /// members. gcc's place_field rounds only the bit position within the
    /// current 16-byte chunk (rli->bitpos), so the field lands at 128 + 512 bits,
    /// not at the next 512-bit boundary; and at a chunk boundary it does not
    /// move at all.
    /// </summary>
    [Fact]
    public void OverAlignedBitFieldTypeRoundsOnlyWithinTheCurrentChunk()
    {
        var d = new DeclarationBuilder();
        var a64 = d.Typedef("ull_a64", C.ULongLong, aligned: 64);
        d.Struct("after_chunk", r => r.Field("m", C.Short).BitField(null, C.UInt128, 42).BitField("big", C.Int128, 123).BitField("b", a64, 14).Field("c", C.Char));
        d.Struct("at_chunk_boundary", r => r
            .Anonymous(d.AnonymousStruct(s => s.Packed().Field("x", C.ComplexLongDouble).Field("y", C.UInt128)))
            .BitField("b", a64, 45)
            .Field("c", C.Char));
        var gcc = LayoutOracle.AssertMatchesGcc(d.Build());
        Assert.Equal("640:14", gcc["struct after_chunk.b|bit"]);
        Assert.Equal("384:45", gcc["struct at_chunk_boundary.b|bit"]);
    }
}
