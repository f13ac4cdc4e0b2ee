namespace LayoutExpert.Semantics.Types;

/// <summary>A built-in arithmetic type.</summary>
public sealed record ScalarType(ScalarKind Kind) : CType
{
    public static readonly ScalarType Bool = new(ScalarKind.Bool);
    public static readonly ScalarType Char = new(ScalarKind.Char);
    public static readonly ScalarType SignedChar = new(ScalarKind.SignedChar);
    public static readonly ScalarType UnsignedChar = new(ScalarKind.UnsignedChar);
    public static readonly ScalarType Short = new(ScalarKind.Short);
    public static readonly ScalarType UnsignedShort = new(ScalarKind.UnsignedShort);
    public static readonly ScalarType Int = new(ScalarKind.Int);
    public static readonly ScalarType UnsignedInt = new(ScalarKind.UnsignedInt);
    public static readonly ScalarType Long = new(ScalarKind.Long);
    public static readonly ScalarType UnsignedLong = new(ScalarKind.UnsignedLong);
    public static readonly ScalarType LongLong = new(ScalarKind.LongLong);
    public static readonly ScalarType UnsignedLongLong = new(ScalarKind.UnsignedLongLong);
    public static readonly ScalarType Int128 = new(ScalarKind.Int128);
    public static readonly ScalarType UnsignedInt128 = new(ScalarKind.UnsignedInt128);
    public static readonly ScalarType Float16 = new(ScalarKind.Float16);
    public static readonly ScalarType Float = new(ScalarKind.Float);
    public static readonly ScalarType Double = new(ScalarKind.Double);
    public static readonly ScalarType LongDouble = new(ScalarKind.LongDouble);
    public static readonly ScalarType Float128 = new(ScalarKind.Float128);
    public static readonly ScalarType ComplexFloat = new(ScalarKind.ComplexFloat);
    public static readonly ScalarType ComplexDouble = new(ScalarKind.ComplexDouble);
    public static readonly ScalarType ComplexLongDouble = new(ScalarKind.ComplexLongDouble);

    /// <summary>The C keyword spelling (what the C emitter writes).</summary>
    public override string Spelling => Kind switch
    {
        ScalarKind.Bool => "_Bool",
        ScalarKind.Char => "char",
        ScalarKind.SignedChar => "signed char",
        ScalarKind.UnsignedChar => "unsigned char",
        ScalarKind.Short => "short",
        ScalarKind.UnsignedShort => "unsigned short",
        ScalarKind.Int => "int",
        ScalarKind.UnsignedInt => "unsigned int",
        ScalarKind.Long => "long",
        ScalarKind.UnsignedLong => "unsigned long",
        ScalarKind.LongLong => "long long",
        ScalarKind.UnsignedLongLong => "unsigned long long",
        ScalarKind.Int128 => "__int128",
        ScalarKind.UnsignedInt128 => "unsigned __int128",
        ScalarKind.Float16 => "_Float16",
        ScalarKind.Float => "float",
        ScalarKind.Double => "double",
        ScalarKind.LongDouble => "long double",
        ScalarKind.Float128 => "_Float128",
        ScalarKind.ComplexFloat => "_Complex float",
        ScalarKind.ComplexDouble => "_Complex double",
        ScalarKind.ComplexLongDouble => "_Complex long double",
        _ => Kind.ToString(),
    };
}
