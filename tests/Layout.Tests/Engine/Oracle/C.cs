using System.Collections.Immutable;
using LayoutExpert.Semantics.Types;

namespace LayoutExpert.Layout.Tests.Engine.Oracle;

/// <summary>Short names for building types by hand in tests: <c>C.Int</c>, <c>C.Ptr(C.Char)</c>, <c>C.Array(C.Long, 3)</c>.</summary>
public static class C
{
    public static readonly CType Void = VoidType.Instance;
    public static readonly CType Bool = ScalarType.Bool;
    public static readonly CType Char = ScalarType.Char;
    public static readonly CType SChar = ScalarType.SignedChar;
    public static readonly CType UChar = ScalarType.UnsignedChar;
    public static readonly CType Short = ScalarType.Short;
    public static readonly CType UShort = ScalarType.UnsignedShort;
    public static readonly CType Int = ScalarType.Int;
    public static readonly CType UInt = ScalarType.UnsignedInt;
    public static readonly CType Long = ScalarType.Long;
    public static readonly CType ULong = ScalarType.UnsignedLong;
    public static readonly CType LongLong = ScalarType.LongLong;
    public static readonly CType ULongLong = ScalarType.UnsignedLongLong;
    public static readonly CType Int128 = ScalarType.Int128;
    public static readonly CType UInt128 = ScalarType.UnsignedInt128;
    public static readonly CType Float = ScalarType.Float;
    public static readonly CType Double = ScalarType.Double;
    public static readonly CType LongDouble = ScalarType.LongDouble;
    public static readonly CType Float128 = ScalarType.Float128;
    public static readonly CType ComplexFloat = ScalarType.ComplexFloat;
    public static readonly CType ComplexDouble = ScalarType.ComplexDouble;
    public static readonly CType ComplexLongDouble = ScalarType.ComplexLongDouble;
    public static readonly CType Float16 = ScalarType.Float16;

    public static CType Ptr(CType target) => new PointerType(target);

    public static CType Array(CType element, long length) => new ArrayType(element, length);

    public static CType Flex(CType element) => new ArrayType(element, null);

    public static CType Const(CType type) => CTypes.Qualify(type, TypeQualifiers.Const);

    public static CType Volatile(CType type) => CTypes.Qualify(type, TypeQualifiers.Volatile);

    public static CType Vector(CType element, long bytes) => new VectorType(element, bytes);

    public static CType Mode(CType type, MachineMode mode) => new ModeType(type, mode);

    public static CType Function(CType result, params CType[] parameters) => new FunctionType(result, [.. parameters]);

    public static CType FnPtr(CType result, params CType[] parameters) => Ptr(Function(result, parameters));

    public static ImmutableArray<Designator> Path(string path)
    {
        var steps = ImmutableArray.CreateBuilder<Designator>();
        foreach (var part in System.Text.RegularExpressions.Regex.Matches(path, @"[A-Za-z_][A-Za-z_0-9]*|\[-?\d+\]").Select(m => m.Value))
        {
            steps.Add(part.StartsWith('[') ? new IndexDesignator(long.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)) : new MemberDesignator(part));
        }
        return steps.ToImmutable();
    }
}
