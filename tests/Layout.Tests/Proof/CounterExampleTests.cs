using LayoutExpert.Layout.Model;

namespace LayoutExpert.Layout.Tests.Proof;

/// <summary>
/// Counter-examples the proof found, kept as plain tests: each states what gcc
/// does (read from its DWARF, so the test fails if gcc or the reader changes)
/// and that our pipeline agrees.
/// </summary>
public sealed class CounterExampleTests
{
    /// <summary>Both sides' layouts, after asserting they agree entry by entry (alignment only where DWARF states it).</summary>
    private static (LayoutSet Gcc, LayoutSet Ours) Both(string source)
    {
        var outcome = ProofOracle.Compare(source);
        Assert.True(outcome.Agrees, outcome.Describe());
        return (GccDwarf.Layouts(source), outcome.Ours.Set);
    }

    /// <summary>
    /// Random unit seed 424753519 (engine emitter), reduced: gcc 12 writes a
    /// union's bit-fields with the old DW_AT_bit_offset and no member location;
    /// for a typedef whose alignment (1) is below its size (4) the storage unit
    /// it reckons from starts 4 bytes before the union, so the attributes said
    /// bit 32. Every union member is at bit 0 (place_union_field).
    /// </summary>
    [Fact]
    public void Union_bit_field_of_an_under_aligned_typedef_is_at_bit_0()
    {
        var (gcc, ours) = Both("""
            enum e12 { E9 = -1, E10 = 32767, E11 = -2147483648 };
            typedef enum e12 tea13 __attribute__((__aligned__(1)));
            union r279 { volatile long long m280; tea13 b281 : 7; };
            """);
        Assert.Equal(new MemberLayout("b281", 0, 7, new TypedefTypeRef("tea13")), gcc.Records["r279"].Members[1]);
        Assert.Equal(gcc.Records["r279"].Members.ToArray(), ours.Records["r279"].Members.ToArray());
    }

    /// <summary>
    /// Found by the typeof unit: a bit-field narrower than int promotes to int
    /// in arithmetic whatever its declared type (C11 6.3.1.1p2), one of int's
    /// width to int or unsigned int.
    /// </summary>
    [Fact]
    public void Bit_field_operands_promote_by_width()
    {
        var (gcc, ours) = Both("""
            struct s { unsigned f : 3; unsigned long g : 7; int h : 32; unsigned i : 32; } gs;
            struct t { typeof(gs.f + 0) a; typeof(gs.g + 0) b; typeof(gs.h + 0) c; typeof(gs.i + 0) d; };
            """);
        string[] expected = ["int", "int", "int", "unsigned int"];
        Assert.Equal(expected, gcc.Records["t"].Members.Select(m => m.Type.Canonical));
        Assert.Equal(gcc.Records["t"].Members.ToArray(), ours.Records["t"].Members.ToArray());
    }

    /// <summary>
    /// Found by the arrays unit: gcc's DWARF makes an array of a typedef'd array
    /// one two-dimensional array (the typedef name gone), and a qualified
    /// typedef'd array an array of qualified elements (C11 6.7.3p9).
    /// </summary>
    [Fact]
    public void Arrays_of_typedef_arrays_are_one_array_type()
    {
        var (gcc, ours) = Both("""
            typedef int arr_t[4];
            struct a { arr_t x[2]; const arr_t c; arr_t *p; arr_t plain; };
            """);
        var members = gcc.Records["a"].Members;
        Assert.Equal(new ArrayTypeRef(new ArrayTypeRef(new BaseTypeRef("int"), 4), 2), members[0].Type);
        Assert.Equal(new ArrayTypeRef(new BaseTypeRef("int"), 4), members[1].Type);
        Assert.Equal(new PointerTypeRef(new TypedefTypeRef("arr_t")), members[2].Type);
        Assert.Equal(new TypedefTypeRef("arr_t"), members[3].Type);
        Assert.Equal(gcc.Records["a"].Members.ToArray(), ours.Records["a"].Members.ToArray());
    }

    /// <summary>
    /// Found by the modes unit: mode(DI) on a typedef of an enum makes an
    /// 8-byte integer type whose TREE_TYPE is the enum, and gcc's DWARF names
    /// the (4-byte) enum: the member is 8 bytes, its type the enum.
    /// </summary>
    [Fact]
    public void Mode_on_an_enum_typedef_is_described_as_the_enum()
    {
        var (gcc, ours) = Both("""
            typedef enum { BIG_E = 3 } big_e __attribute__((mode(DI)));
            struct s { big_e x; char c; };
            """);
        Assert.Equal(16, gcc.Records["s"].Size);
        Assert.IsType<EnumTypeRef>(gcc.Typedefs["big_e"].Target);
        Assert.Equal(gcc.Typedefs["big_e"], ours.Typedefs["big_e"]);
    }
}
