using LayoutExpert.Layout.Model;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Target;

/// <summary>
/// x86-64 System V (LP64) as gcc 12 lays it out (the kernel's -mno-sse/-mno-avx
/// flags change none of these: BIGGEST_ALIGNMENT stays 128 bits without AVX and
/// a bare <c>aligned</c> is 16 bytes even with it). Sizes and alignments from the
/// psABI table 3.1; DWARF names as gcc writes them.
/// </summary>
public sealed class X86_64SysV : TargetInfo
{
    public static readonly X86_64SysV Instance = new();

    private X86_64SysV() { }

    public override string Name => "x86_64-sysv";

    public override long PointerSizeBytes => 8;

    public override long PointerAlignBytes => 8;

    public override int WordBits => 64;

    public override long BareAlignedBits => 128;

    public override long BiggestAlignmentBits => 128;

    /// <summary>ELF: 2^28 bytes (elfos.h MAX_OFILE_ALIGNMENT).</summary>
    public override long MaxObjectFileAlignmentBits => (1L << 28) * 8;

    public override long FunctionAlignmentBits => 8;

    public override ScalarInfo Scalar(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => new(1, 1, 1, "_Bool", BaseTypeEncoding.Boolean, true),
        // Plain char is signed on x86-64 (psABI 3.1.2).
        ScalarKind.Char => new(1, 1, 8, "char", BaseTypeEncoding.SignedChar, false),
        ScalarKind.SignedChar => new(1, 1, 8, "signed char", BaseTypeEncoding.SignedChar, false),
        ScalarKind.UnsignedChar => new(1, 1, 8, "unsigned char", BaseTypeEncoding.UnsignedChar, true),
        ScalarKind.Short => new(2, 2, 16, "short int", BaseTypeEncoding.Signed, false),
        ScalarKind.UnsignedShort => new(2, 2, 16, "short unsigned int", BaseTypeEncoding.Unsigned, true),
        ScalarKind.Int => new(4, 4, 32, "int", BaseTypeEncoding.Signed, false),
        ScalarKind.UnsignedInt => new(4, 4, 32, "unsigned int", BaseTypeEncoding.Unsigned, true),
        ScalarKind.Long => new(8, 8, 64, "long int", BaseTypeEncoding.Signed, false),
        ScalarKind.UnsignedLong => new(8, 8, 64, "long unsigned int", BaseTypeEncoding.Unsigned, true),
        ScalarKind.LongLong => new(8, 8, 64, "long long int", BaseTypeEncoding.Signed, false),
        ScalarKind.UnsignedLongLong => new(8, 8, 64, "long long unsigned int", BaseTypeEncoding.Unsigned, true),
        ScalarKind.Int128 => new(16, 16, 128, "__int128", BaseTypeEncoding.Signed, false),
        ScalarKind.UnsignedInt128 => new(16, 16, 128, "__int128 unsigned", BaseTypeEncoding.Unsigned, true),
        ScalarKind.Float16 => new(2, 2, 0, "_Float16", BaseTypeEncoding.Float, false),
        ScalarKind.Float => new(4, 4, 0, "float", BaseTypeEncoding.Float, false),
        ScalarKind.Double => new(8, 8, 0, "double", BaseTypeEncoding.Float, false),
        // 80-bit x87 extended precision stored in 16 bytes (psABI 3.1.2).
        ScalarKind.LongDouble => new(16, 16, 0, "long double", BaseTypeEncoding.Float, false),
        ScalarKind.Float128 => new(16, 16, 0, "_Float128", BaseTypeEncoding.Float, false),
        ScalarKind.ComplexFloat => new(8, 4, 0, "complex float", BaseTypeEncoding.ComplexFloat, false),
        ScalarKind.ComplexDouble => new(16, 8, 0, "complex double", BaseTypeEncoding.ComplexFloat, false),
        ScalarKind.ComplexLongDouble => new(32, 16, 0, "complex long double", BaseTypeEncoding.ComplexFloat, false),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such scalar kind"),
    };

    /// <summary>QI, HI, SI, DI and TI modes are naturally aligned on x86-64 (MAX_FIXED_MODE_SIZE is TImode).</summary>
    public override long? IntegerModeAlignmentBits(long bits) => bits is 8 or 16 or 32 or 64 or 128 ? bits : null;

    /// <summary>
    /// gcc's c_common_type_for_size: exact matches first (int, char, short, long,
    /// long long), then the smallest of QI/HI/SI/DI/TI that holds the bits.
    /// gcc 12 on x86-64 confirms: a packed enum needing 21 bits is an unsigned
    /// int, one needing 33 bits a long.
    /// </summary>
    public override ScalarKind? IntegerTypeForPrecision(int bits, bool isUnsigned)
    {
        if (ExactIntegerType(bits, isUnsigned) is { } exact) return exact;
        foreach (var width in (ReadOnlySpan<int>)[8, 16, 32, 64, 128])
        {
            if (bits <= width) return ExactIntegerType(width, isUnsigned);
        }
        return null;
    }

    public override int ModePrecision(MachineMode mode) => mode switch
    {
        MachineMode.QI or MachineMode.Byte => 8,
        MachineMode.HI => 16,
        MachineMode.SI => 32,
        MachineMode.DI or MachineMode.Word or MachineMode.Pointer or MachineMode.UnwindWord => 64,
        MachineMode.TI => 128,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "no such mode"),
    };
}
