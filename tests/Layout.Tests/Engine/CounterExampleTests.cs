using LayoutExpert.Layout.Tests.Engine.Oracle;
using LayoutExpert.TestSupport;

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

    /// <summary>
    /// Found by the property (seed 273042062): the C emitter wrote a record's
    /// combined <c>aligned, aligned(8)</c> and gcc gave the record alignment 8,
    /// not 16. gcc keeps the last <c>aligned</c> on a type but the largest on a
    /// member; the model's <see cref="LayoutExpert.Semantics.Types.AlignedAttribute"/>
    /// documents it for the binder, and this pins the gcc behaviour it relies on,
    /// with the other attribute facts the binder must apply before the engine.
    /// </summary>
    [Fact]
    public void GccAttributeFactsTheBinderMustApply()
    {
        const string source = """
            #include <stdio.h>
            struct last_on_type { char c; } __attribute__((aligned(32), aligned(8)));
            typedef int last_on_typedef __attribute__((aligned(32), aligned(8)));
            struct largest_on_member { char c; char d __attribute__((aligned(32), aligned(8))); };
            struct plain { int a; char b; };
            typedef struct plain __attribute__((packed)) packed_ignored_on_existing_struct;
            typedef struct { int a; char b; } __attribute__((packed)) packed_applies_to_new_struct;
            struct alignas_like_aligned { char c; _Alignas(8) int x; } __attribute__((packed));
            int main(void)
            {
              printf("%zu %zu %zu %zu %zu %zu\n", __alignof__(struct last_on_type), __alignof__(last_on_typedef),
                     __alignof__(struct largest_on_member), sizeof(packed_ignored_on_existing_struct),
                     sizeof(packed_applies_to_new_struct), __builtin_offsetof(struct alignas_like_aligned, x));
              return 0;
            }
            """;
        Assert.Equal("8 8 32 8 5 8", Gcc.CompileAndRun(source, GccProbe.Flags).Trim());
    }
}
