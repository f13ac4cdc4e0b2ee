using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Target;

/// <summary>
/// The target-dependent facts and hooks GCC's layout code (stor-layout.cc,
/// c-decl.cc finish_struct/finish_enum, c-common.cc) consults. Alignments are
/// in bits, as in GCC, wherever they feed its algorithm. Subclass per ABI;
/// <see cref="X86_64SysV"/> is the System V x86-64 one. Immutable.
/// </summary>
public abstract class TargetInfo
{
    public abstract string Name { get; }

    public abstract ScalarInfo Scalar(ScalarKind kind);

    public abstract long PointerSizeBytes { get; }

    public abstract long PointerAlignBytes { get; }

    /// <summary>BITS_PER_WORD, for <c>mode(word)</c>.</summary>
    public abstract int WordBits { get; }

    /// <summary>POINTER_SIZE, for <c>mode(pointer)</c>.</summary>
    public int PointerBits => checked((int)(PointerSizeBytes * 8));

    /// <summary>What a bare <c>__attribute__((aligned))</c> means (ATTRIBUTE_ALIGNED_VALUE; BIGGEST_ALIGNMENT unless the target says otherwise).</summary>
    public abstract long BareAlignedBits { get; }

    /// <summary>BIGGEST_ALIGNMENT: GCC's "known alignment" of a record start.</summary>
    public abstract long BiggestAlignmentBits { get; }

    /// <summary>MAX_OFILE_ALIGNMENT: the largest alignment the object format supports (caps <c>aligned</c> and vector alignment).</summary>
    public abstract long MaxObjectFileAlignmentBits { get; }

    /// <summary>FUNCTION_BOUNDARY: <c>__alignof__</c> of a function type.</summary>
    public abstract long FunctionAlignmentBits { get; }

    /// <summary>PCC_BITFIELD_TYPE_MATTERS: a bit-field's declared type constrains its placement and the record's alignment.</summary>
    public virtual bool PccBitfieldTypeMatters => true;

    /// <summary>TARGET_ALIGN_ANON_BITFIELD: whether unnamed bit-fields raise the record's alignment.</summary>
    public virtual bool AlignAnonymousBitfields => false;

    /// <summary>BIGGEST_FIELD_ALIGNMENT, if the target caps field alignment.</summary>
    public virtual long? BiggestFieldAlignmentBits => null;

    /// <summary>STRUCTURE_SIZE_BOUNDARY, if the target gives records a minimum alignment.</summary>
    public virtual long? StructureSizeBoundaryBits => null;

    /// <summary>ADJUST_FIELD_ALIGN (i386's x86_field_alignment); applied only to fields without user alignment.</summary>
    public virtual long AdjustFieldAlignmentBits(FieldAlignmentClass type, long computedBits) => computedBits;

    /// <summary>TARGET_VECTOR_ALIGNMENT; GCC's default: the vector's size, capped at MAX_OFILE_ALIGNMENT.</summary>
    public virtual long VectorAlignmentBits(long sizeBits) => Math.Min(sizeBits, MaxObjectFileAlignmentBits);

    /// <summary>GET_MODE_ALIGNMENT of the integer mode of exactly <paramref name="bits"/> bits, or null when there is no such mode (mode_for_size with MAX_FIXED_MODE_SIZE).</summary>
    public abstract long? IntegerModeAlignmentBits(long bits);

    /// <summary>GCC's c_common_type_for_size: the first standard integer type with at least that many bits, or null.</summary>
    public abstract ScalarKind? IntegerTypeForPrecision(int bits, bool isUnsigned);

    /// <summary>The precision in bits of a <c>mode</c> attribute's integer mode.</summary>
    public abstract int ModePrecision(MachineMode mode);

    /// <summary>GCC's c_common_type_for_mode for integer modes.</summary>
    public ScalarKind? IntegerTypeForMode(MachineMode mode, bool isUnsigned) =>
        ExactIntegerType(ModePrecision(mode), isUnsigned);

    /// <summary>The standard integer type of exactly that precision, in GCC's preference order (int, char, short, long, long long, __int128).</summary>
    public ScalarKind? ExactIntegerType(int bits, bool isUnsigned)
    {
        ReadOnlySpan<(ScalarKind Signed, ScalarKind Unsigned)> order =
        [
            (ScalarKind.Int, ScalarKind.UnsignedInt),
            (ScalarKind.SignedChar, ScalarKind.UnsignedChar),
            (ScalarKind.Short, ScalarKind.UnsignedShort),
            (ScalarKind.Long, ScalarKind.UnsignedLong),
            (ScalarKind.LongLong, ScalarKind.UnsignedLongLong),
            (ScalarKind.Int128, ScalarKind.UnsignedInt128),
        ];
        foreach (var (signed, unsigned) in order)
        {
            if (Scalar(signed).Precision == bits) return isUnsigned ? unsigned : signed;
        }
        return null;
    }

    public override string ToString() => Name;
}
